package dev.spindle.bench.sim;

import dev.spindle.hdl.Component;
import dev.spindle.hdl.Spindle;
import dev.spindle.hdl.verilog.Manifest;
import dev.spindle.hdl.verilog.VerilogBackend;
import dev.spindle.hdl.verilog.VerilogOutput;
import dev.spindle.sim.verilator.BuildFlags;
import dev.spindle.sim.verilator.CacheLayout;
import dev.spindle.sim.verilator.PortSpec;
import dev.spindle.sim.verilator.Toolchain;
import dev.spindle.sim.verilator.VerilatorBuild;
import dev.spindle.hdl.verilog.Lint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How long the model build of a design takes, from its emitted Verilog (elaboration and emission are not counted):
 * <ul>
 * <li><b>uncached</b>: {@code new VerilatorBuild(Toolchain.detect(), cache, flags, ...).build(dir, top, ports, lint)}
 *   into a fresh, empty cache directory whose Verilator runtime objects are symbolic links to the user cache's
 *   (they are built once per machine): finding the tools, hashing the key, the lint gate {@code Sim} runs before
 *   compiling a design ({@code Lint.check}: Verilator, Yosys and Icarus, timed apart as {@code lintSeconds}),
 *   Verilator, checking the header's ports, g++ on the model and shim, linking {@code libmodel.so}, publishing
 *   it;</li>
 * <li><b>cached</b>: the same call on the user cache ({@code VerilatorBuild.standard()}), which finds the library:
 *   finding the tools, hashing the key, one file test. Best of 3.</li>
 * </ul>
 */
public record ModelBuildTimes(String design, double uncachedSeconds, double lintSeconds, double verilatorSeconds,
                              double gxxSeconds, double cachedSeconds) {

    private static final Pattern DONE = Pattern.compile("done in ([0-9.]+) s \\(verilator ([0-9.]+) s, g\\+\\+ ([0-9.]+) s\\)");

    public static ModelBuildTimes measure(String design, Supplier<? extends Component> top) {
        VerilogOutput out = VerilogBackend.emit(Spindle.elaborate(top));
        List<PortSpec> ports = new ArrayList<>();
        for (Manifest.Port p : out.manifest().ports()) {
            ports.add(new PortSpec(p.name(), "in".equals(p.direction()) ? PortSpec.Direction.IN : PortSpec.Direction.OUT,
                    p.width()));
        }
        Path verilog = null;
        Path cache = null;
        try {
            verilog = Files.createTempDirectory("spindle-bench-verilog-");
            out.writeTo(verilog);
            for (var stub : out.blackBoxStubs().entrySet()) Files.writeString(verilog.resolve(stub.getKey()), stub.getValue());

            VerilatorBuild.standard().build(verilog, out.top(), ports); // fills the user cache (runtime and model)

            CacheLayout shared = CacheLayout.fromEnvironment();
            cache = Files.createTempDirectory("spindle-bench-cache-");
            try (Stream<Path> entries = Files.list(shared.root())) {
                for (Path runtime : entries.filter(p -> p.getFileName().toString().startsWith("runtime-")).toList()) {
                    Files.createSymbolicLink(cache.resolve(runtime.getFileName()), runtime);
                }
            }
            var progress = new ArrayList<String>();
            double[] lint = {Double.NaN};
            Path lintDir = cache.resolve("lint");
            Runnable lintGate = () -> { // as Sim.build's
                long t = System.nanoTime();
                List<String> problems = Lint.check(out, lintDir);
                lint[0] = (System.nanoTime() - t) / 1e9;
                if (!problems.isEmpty()) throw new IllegalStateException(out.top() + " is not lint-clean:\n" + problems);
            };
            long start = System.nanoTime();
            var build = new VerilatorBuild(Toolchain.detect(), new CacheLayout(cache), BuildFlags.standard(), progress::add);
            var library = build.build(verilog, out.top(), ports, lintGate);
            double uncached = (System.nanoTime() - start) / 1e9;
            if (library.cacheHit()) throw new IllegalStateException("the fresh cache " + cache + " had " + out.top());
            double verilator = Double.NaN;
            double gxx = Double.NaN;
            for (String line : progress) {
                Matcher m = DONE.matcher(line);
                if (m.find()) {
                    verilator = Double.parseDouble(m.group(2));
                    gxx = Double.parseDouble(m.group(3));
                }
            }

            double cached = Double.MAX_VALUE;
            for (int k = 0; k < 3; k++) {
                long t = System.nanoTime();
                var hit = new VerilatorBuild(Toolchain.detect(), shared, BuildFlags.standard(), s -> {})
                        .build(verilog, out.top(), ports);
                cached = Math.min(cached, (System.nanoTime() - t) / 1e9);
                if (!hit.cacheHit()) throw new IllegalStateException("no cache hit for " + out.top());
            }
            return new ModelBuildTimes(design, uncached, lint[0], verilator, gxx, cached);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (verilog != null) NativeExes.deleteTree(verilog);
            if (cache != null) NativeExes.deleteTree(cache);
        }
    }
}
