package dev.spindle.sim.verilator;

import static dev.spindle.sim.verilator.PortSpec.in;
import static dev.spindle.sim.verilator.PortSpec.out;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** The Verilog fixtures of {@code src/test/resources/verilator/}, their port lists, and builds of them. */
final class TestModels {

    static final List<PortSpec> COUNTER = List.of(in("clk", 1), in("reset", 1), in("io_enable", 1), out("io_value", 8));
    static final int[] WIDTHS = {1, 8, 16, 32, 33, 64, 65, 100, 128};
    static final List<PortSpec> BENCH = List.of(in("clk", 1), in("io_a", 64), in("io_b", 128),
            out("io_count", 32), out("io_x", 64), out("io_y", 128));
    static final List<PortSpec> CLOCKS = List.of(in("clk", 1), in("clk_b", 1), out("io_a", 16), out("io_b", 16));
    static final List<PortSpec> HIER = List.of(in("clk", 1), in("io_x", 16), out("io_sum", 32));

    private TestModels() {}

    /** The standard build: tools from the PATH (a missing verilator fails the test), the user's cache. */
    static VerilatorBuild build() {
        return new VerilatorBuild(Toolchain.detect(), CacheLayout.fromEnvironment(), BuildFlags.standard(),
                System.err::println);
    }

    /**
     * A build into a private cache under {@code root} that borrows the user cache's runtime objects (a
     * symbolic link), so a test can watch a cold model build without rebuilding the runtime.
     */
    static VerilatorBuild isolatedBuild(Path root, Consumer<String> progress) {
        VerilatorBuild shared = build();
        List<Path> objects = RuntimeObjects.ensure(shared.toolchain(), shared.flags(), shared.cache(), System.err::println);
        var cache = new CacheLayout(root);
        Path link = cache.runtimeDir(RuntimeObjects.hash(shared.toolchain(), shared.flags()));
        try {
            Files.createDirectories(root);
            if (!Files.exists(link)) Files.createSymbolicLink(link, objects.getFirst().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new VerilatorBuild(shared.toolchain(), cache, shared.flags(), progress.andThen(System.err::println));
    }

    static List<PortSpec> widths() {
        var ports = new java.util.ArrayList<PortSpec>();
        ports.add(in("clk", 1));
        for (int w : WIDTHS) ports.add(in("io_in" + w, w));
        for (int w : WIDTHS) ports.add(out("io_out" + w, w));
        return List.copyOf(ports);
    }

    /** The directory of fixture {@code name} ({@code counter}, {@code widths}, ...). */
    static Path fixture(String name) {
        try {
            return Path.of(TestModels.class.getResource("/verilator/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test fixture verilator/" + name + " missing", e);
        }
    }

    /** A copy of fixture {@code name} under {@code dir} with a unique comment: a design no cache has seen. */
    static Path uniqueCopy(String name, Path dir) {
        try {
            Path copy = Files.createDirectories(dir.resolve(name + "-" + UUID.randomUUID()));
            try (var files = Files.list(fixture(name))) {
                for (Path f : files.toList()) {
                    Files.writeString(copy.resolve(f.getFileName()),
                            Files.readString(f) + "// unique " + copy.getFileName() + "\n");
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ModelLibrary counter() {
        return build().build(fixture("counter"), "Counter", COUNTER);
    }
}
