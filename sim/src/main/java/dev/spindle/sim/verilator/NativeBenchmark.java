package dev.spindle.sim.verilator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The same clocked loop in C++ and in Java over one Verilated model, to measure what the FFM binding
 * costs. Cycle i: every input but the clock gets i truncated to its width (each 32-bit word of a wide
 * input gets i), the clock rises and falls with an eval after each, then every output (each word of a
 * wide one) is added to a checksum. Both loops print the same checksum for the same cycle count. A testbench
 * with a stimulus of its own writes its C++ as a {@link Loop} and compares the checksums itself.
 */
public final class NativeBenchmark {

    /**
     * One run: {@code cycles} in {@code seconds} of wall time and {@code cpuSeconds} of the running
     * thread's CPU time (steadier on a shared machine), and the checksum of the outputs.
     */
    public record Result(long cycles, double seconds, double cpuSeconds, long checksum) {
        public double cyclesPerSecond() {
            return cycles / seconds;
        }

        public double cyclesPerCpuSecond() {
            return cycles / cpuSeconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d cycles in %.3f s: %.2f M cycles/s (%.2f M per CPU second)",
                    cycles, seconds, cyclesPerSecond() / 1e6, cyclesPerCpuSecond() / 1e6);
        }
    }

    /**
     * The C++ of a loop of one's own, for a testbench whose stimulus is not the generic one: statements over
     * {@code top} (the model, an object), {@code i} (the cycle, {@code uint64_t}) and {@code sink} (the
     * {@code uint64_t} checksum that is printed). {@code setup} runs once before the timed loop (e.g. a reset
     * sequence, or inputs that never change); in each cycle {@code drive} sets the inputs before the clock
     * period, {@code read} reads outputs after it.
     */
    public record Loop(String setup, String drive, String read) {
        public Loop {
            setup = lines(setup);
            drive = lines(drive);
            read = lines(read);
        }

        private static String lines(String code) {
            return code.isEmpty() || code.endsWith("\n") ? code : code + "\n";
        }
    }

    private static final Pattern OUTPUT =
            Pattern.compile("cycles (\\d+) seconds ([0-9.]+) cpu_seconds ([0-9.]+) cycles_per_second [0-9.]+ checksum (\\d+)");

    private NativeBenchmark() {}

    /**
     * Writes the C++ loop for {@code library}'s model and compiles it, with the model's sources, shim,
     * runtime and flags, into the executable {@code exe}.
     */
    public static Path compile(VerilatorBuild build, ModelLibrary library, String clock, Path exe) {
        return compileMain(build, library, mainSource(library, clock), exe);
    }

    /** As {@link #compile(VerilatorBuild, ModelLibrary, String, Path)}, with a loop of one's own. */
    public static Path compile(VerilatorBuild build, ModelLibrary library, String clock, Loop loop, Path exe) {
        return compileMain(build, library, mainSource(library, clock, loop), exe);
    }

    /** The C++ source of a loop of one's own (e.g. to key a cache of the compiled executable). */
    public static String mainSource(ModelLibrary library, String clock, Loop loop) {
        if (library.ports().stream().noneMatch(p -> p.name().equals(clock))) {
            throw new IllegalArgumentException("no clock port '" + clock + "' in " + library.ports());
        }
        return ShimSource.resource("bench_main.cpp")
                .replace("@TOP@", library.top())
                .replace("@CLOCK@", clock)
                .replace("@SETUP@\n", loop.setup())
                .replace("@DRIVE@\n", loop.drive())
                .replace("@READ@\n", loop.read());
    }

    private static Path compileMain(VerilatorBuild build, ModelLibrary library, String main, Path exe) {
        Path work = build.cache().newTempDir("bench");
        try {
            Path source = work.resolve("bench_main.cpp");
            ModelCompiler.write(source, main);
            List<Path> runtime = RuntimeObjects.ensure(build.toolchain(), build.flags(), build.cache(), s -> {});
            Path parent = exe.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            // The loop is compiled as its model was: with or without the trace code (BuildFlags.forDesign).
            var compiler = new ModelCompiler(build.toolchain(), build.flags().withTrace(library.traced()), System.err::println);
            List<Path> objects = library.objects();
            if (objects.isEmpty()) {
                compiler.build(library.verilatedDir(), library.top(), List.of(library.shim(), source), runtime, work,
                        exe.toAbsolutePath(), false);
            } else {
                compiler.buildWith(library.verilatedDir(), objects, List.of(source), runtime, work, exe.toAbsolutePath());
            }
            return exe;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + exe, e);
        } finally {
            CacheLayout.deleteTree(work);
        }
    }

    /** Runs the compiled C++ loop for {@code cycles}. */
    public static Result runNative(Path exe, long cycles) {
        String output = Processes.check(null, List.of(exe.toAbsolutePath().toString(), Long.toString(cycles)));
        Matcher m = OUTPUT.matcher(output);
        if (!m.find()) throw new IllegalStateException("unexpected benchmark output: " + output);
        return new Result(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)),
                Double.parseDouble(m.group(3)), Long.parseUnsignedLong(m.group(4)));
    }

    /**
     * The same loop in Java on an open model, through the generic port handles (as a harness that
     * iterates over a component's ports would; a loop over typed handles in fields is faster).
     */
    public static Result runJava(NativeModel model, String clock, long cycles) {
        Port clk = model.port(clock);
        var in = new ArrayList<Port>();
        var out = new ArrayList<Port>();
        for (Port p : model.ports()) {
            if (p != clk) (p.direction() == PortSpec.Direction.IN ? in : out).add(p);
        }
        Port[] ins = in.toArray(Port[]::new);
        Port[] outs = out.toArray(Port[]::new);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long sink = 0;
        for (long i = 0; i < cycles; i++) sink += step(model, clk, ins, outs, i);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(cycles, seconds, (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9, sink);
    }

    /** One cycle of {@link #runJava}; a method of its own so the JIT compiles it whole, not on-stack. */
    private static long step(NativeModel model, Port clk, Port[] ins, Port[] outs, long i) {
        for (Port p : ins) {
            if (p.spec().wide()) for (int w = 0; w < p.words(); w++) p.setWord(w, (int) i);
            else p.set(i);
        }
        model.cycle(clk);
        long sink = 0;
        for (Port p : outs) {
            if (p.spec().wide()) for (int w = 0; w < p.words(); w++) sink += p.getWord(w) & 0xFFFF_FFFFL;
            else sink += p.get();
        }
        return sink;
    }

    /** The C++ source of the loop. */
    static String mainSource(ModelLibrary library, String clock) {
        var drive = new StringBuilder();
        var read = new StringBuilder();
        boolean clockFound = false;
        for (PortSpec p : library.ports()) {
            if (p.name().equals(clock)) {
                clockFound = true;
                continue;
            }
            if (p.direction() == PortSpec.Direction.IN) {
                if (p.wide()) {
                    for (int w = 0; w < p.words(); w++) {
                        drive.append("        top.").append(p.name()).append('[').append(w).append("] = (uint32_t)i")
                                .append(maskSuffix(p, w)).append(";\n");
                    }
                } else {
                    String mask = p.width() == 64 ? "" : " & 0x" + Long.toHexString((1L << p.width()) - 1) + "ULL";
                    drive.append("        top.").append(p.name()).append(" = i").append(mask).append(";\n");
                }
            } else if (p.wide()) {
                for (int w = 0; w < p.words(); w++) {
                    read.append("        sink += top.").append(p.name()).append('[').append(w).append("];\n");
                }
            } else {
                read.append("        sink += top.").append(p.name()).append(";\n");
            }
        }
        if (!clockFound) throw new IllegalArgumentException("no clock port '" + clock + "' in " + library.ports());
        return mainSource(library, clock, new Loop("", drive.toString(), read.toString()));
    }

    private static String maskSuffix(PortSpec p, int word) {
        int topBits = p.width() - 32 * (p.words() - 1);
        if (word != p.words() - 1 || topBits == 32) return "";
        return " & 0x" + Integer.toHexString((1 << topBits) - 1) + "u";
    }
}
