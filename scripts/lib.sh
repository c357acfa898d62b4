# Shared by the scripts: run set-up, then export JAVA_HOME and the repository root.
SPINDLE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export SPINDLE_ROOT
eval "$("$SPINDLE_ROOT/scripts/setup")"
export PATH="$JAVA_HOME/bin:$PATH"

# JVM flags for transparent huge pages where the kernel offers them on request (mode "madvise"): the heap is
# then faulted in 2 MB at a time instead of 4 kB, which on a virtual machine saves a quarter of a large
# elaboration's CPU time (docs/benchmarks.md). Mode "always" needs no flag; "never" would make the JVM warn.
huge_page_flags() {
  grep -qs '\[madvise\]' /sys/kernel/mm/transparent_hugepage/enabled && echo "-XX:+UseTransparentHugePages" || true
}
