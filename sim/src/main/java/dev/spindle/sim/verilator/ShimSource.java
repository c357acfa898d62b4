package dev.spindle.sim.verilator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Generates the per-model C++ shim (extern "C" entry points) from the {@code shim.cpp} template. */
final class ShimSource {

    private static final String TEMPLATE = resource("shim.cpp");

    private ShimSource() {}

    /** The shim for top {@code top}; port addresses come out in the order of {@code ports}. */
    static String generate(String top, List<PortSpec> ports) {
        var addresses = new StringBuilder();
        for (int i = 0; i < ports.size(); i++) {
            PortSpec p = ports.get(i);
            // VlWide's words are its first and only member; data() says so without relying on layout.
            String address = p.wide() ? "top->" + p.name() + ".data()" : "&top->" + p.name();
            addresses.append("    out[").append(i).append("] = (void*)").append(address).append(";  // ")
                    .append(p).append('\n');
        }
        return TEMPLATE.replace("@TOP@", top)
                .replace("@PORT_COUNT@", Integer.toString(ports.size()))
                .replace("@PORT_ADDRESSES@\n", addresses.toString());
    }

    static String resource(String name) {
        try (InputStream in = ShimSource.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("resource missing from the jar: " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }
}
