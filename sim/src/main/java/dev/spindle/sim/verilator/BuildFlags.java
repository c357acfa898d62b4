package dev.spindle.sim.verilator;

import java.util.ArrayList;
import java.util.List;

/**
 * Every flag that shapes a built model. All but {@code jobs} are part of the cache key.
 *
 * @param verilatorArgs extra Verilator arguments (the build adds {@code --cc}, the top, the files, and
 *     {@code --trace-fst} when {@code trace})
 * @param trace compile FST tracing in, so waves can be switched on at run time
 * @param cxxFlags flags for every C++ compile (runtime, model, shim, benchmark)
 * @param optFast optimisation of the model's per-cycle code (Verilator's OPT_FAST)
 * @param optSlow optimisation of its construction and trace-set-up code (OPT_SLOW) when a big design
 *     is compiled in several chunks; a small one is one chunk at {@code optFast}
 * @param optRuntime optimisation of the Verilator runtime (OPT_GLOBAL)
 * @param libs link libraries
 * @param jobs parallel compiler processes; not in the key, since it only changes how the generated code is
 *     grouped into translation units, not what the model computes
 */
public record BuildFlags(List<String> verilatorArgs, boolean trace, List<String> cxxFlags, String optFast,
                         String optSlow, String optRuntime, List<String> libs, int jobs) {

    public BuildFlags {
        verilatorArgs = List.copyOf(verilatorArgs);
        cxxFlags = List.copyOf(cxxFlags);
        libs = List.copyOf(libs);
        if (jobs < 1) throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
    }

    /**
     * The measured defaults: tracing compiled in (it costs 0–4% with waves off, so one variant serves
     * both), -O2 for the per-cycle code (-O3 measured no faster; verilated.mk's -Os is slower),
     * {@code -fno-semantic-interposition} (without it a shared-library model runs ~35% slower).
     */
    public static BuildFlags standard() {
        return new BuildFlags(
                List.of("--timescale", "1ns/1ns"),
                true,
                List.of("-std=gnu++17", "-fPIC", "-fno-semantic-interposition", "-faligned-new",
                        "-fcf-protection=none", "-Wno-bool-operation", "-Wno-sign-compare", "-Wno-uninitialized",
                        "-Wno-unused-but-set-variable", "-Wno-unused-parameter", "-Wno-unused-variable",
                        "-Wno-shadow"),
                "-O2", "-O1", "-O2",
                List.of("-lz", "-lpthread"),
                Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Designs with more Verilog than this are big (a whole network): they are built with Verilator's functions
     * split ({@link #BIG_DESIGN_SPLIT_CFUNCS}) and without tracing unless waves are asked for. Measured on the
     * b-tag transformer (3.8 MB of Verilog): the trace code is most of its C++ (19 MB of model code, 54 MB with
     * {@code --trace-fst}), and unsplit, its root's per-cycle code is one 18,700-line function that takes g++ 72 s
     * of CPU at -O2 where the same code split into functions of 2,000 statements takes 14 s.
     */
    public static final long BIG_DESIGN_VERILOG_BYTES = 1024 * 1024;

    /** Statements per generated function in a big design ({@code --output-split-cfuncs}, {@code --output-split-ctrace}). */
    public static final int BIG_DESIGN_SPLIT_CFUNCS = 2000;

    /**
     * These flags for one design: as they are for designs of up to {@link #BIG_DESIGN_VERILOG_BYTES} of Verilog;
     * for a bigger one with the functions split, and tracing left out unless {@code waves} are asked for (every
     * variant has its own cache key).
     */
    public BuildFlags forDesign(long verilogBytes, boolean waves) {
        if (verilogBytes <= BIG_DESIGN_VERILOG_BYTES) return this;
        var args = new ArrayList<>(verilatorArgs);
        String split = Integer.toString(BIG_DESIGN_SPLIT_CFUNCS);
        args.addAll(List.of("--output-split-cfuncs", split, "--output-split-ctrace", split));
        return new BuildFlags(args, trace && waves, cxxFlags, optFast, optSlow, optRuntime, libs, jobs);
    }

    public BuildFlags withTrace(boolean trace) {
        return new BuildFlags(verilatorArgs, trace, cxxFlags, optFast, optSlow, optRuntime, libs, jobs);
    }

    public BuildFlags withJobs(int jobs) {
        return new BuildFlags(verilatorArgs, trace, cxxFlags, optFast, optSlow, optRuntime, libs, jobs);
    }

    /** Verilator's arguments apart from the top and the files. */
    List<String> verilatorFlags() {
        var flags = new ArrayList<String>(List.of("--cc"));
        if (trace) flags.add("--trace-fst");
        flags.addAll(verilatorArgs);
        return flags;
    }

    /**
     * Preprocessor flags shared by the runtime and the model. The runtime does not read VM_TRACE, so the
     * traced and untraced variants link the same runtime objects. VL_USER_FINISH/STOP let the shim
     * replace $finish/$stop handlers that would exit or abort the JVM.
     */
    List<String> runtimeDefines() {
        return List.of("-DVM_COVERAGE=0", "-DVM_SC=0", "-DVM_TRACE_FST=1", "-DVM_TRACE_VCD=0",
                "-DVL_USER_FINISH", "-DVL_USER_STOP");
    }

    List<String> modelDefines() {
        var defines = new ArrayList<>(runtimeDefines());
        defines.add(trace ? "-DVM_TRACE=1" : "-DVM_TRACE=0");
        return defines;
    }

    /** Text of the flags that shape the runtime objects. */
    String runtimeKey() {
        return "cxx=" + cxxFlags + "\nopt_global=" + optRuntime + "\ndefines=" + runtimeDefines() + "\n";
    }

    /** Text of every flag that shapes a model library. */
    String modelKey() {
        return runtimeKey() + "verilator=" + verilatorFlags() + "\nopt_fast=" + optFast + "\nopt_slow=" + optSlow
                + "\ntrace=" + trace + "\ndefines=" + modelDefines() + "\nlibs=" + libs + "\n";
    }
}
