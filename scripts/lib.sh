# Shared by the scripts: run set-up, then export JAVA_HOME and the repository root.
SPINDLE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export SPINDLE_ROOT
eval "$("$SPINDLE_ROOT/scripts/setup")"
export PATH="$JAVA_HOME/bin:$PATH"
