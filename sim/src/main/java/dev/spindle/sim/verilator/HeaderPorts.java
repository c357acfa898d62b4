package dev.spindle.sim.verilator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the ports Verilator declared in {@code V<top>.h} ({@code VL_IN8(&clk,0,0);}) and checks them
 * against the caller's list, so a stale or wrong port list fails with a clear message instead of a C++
 * compile error or a model that reads the wrong bytes.
 */
final class HeaderPorts {

    private static final Pattern DECL =
            Pattern.compile("VL_(IN|OUT|INOUT)(8|16|64|W)?\\(&(\\w+),(\\d+),(\\d+)(?:,\\d+)?\\);");

    private HeaderPorts() {}

    static Map<String, PortSpec> read(Path header) {
        String text;
        try {
            text = Files.readString(header);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Verilated header " + header, e);
        }
        var ports = new LinkedHashMap<String, PortSpec>();
        Matcher m = DECL.matcher(text);
        while (m.find()) {
            String name = m.group(3);
            if (m.group(1).equals("INOUT")) {
                throw new IllegalArgumentException("port " + name + " is inout; only in and out ports are supported");
            }
            int width = Integer.parseInt(m.group(4)) - Integer.parseInt(m.group(5)) + 1;
            var direction = m.group(1).equals("IN") ? PortSpec.Direction.IN : PortSpec.Direction.OUT;
            ports.put(name, new PortSpec(name, direction, width));
        }
        return ports;
    }

    /** Fails unless {@code expected} lists exactly the top's ports with the same directions and widths. */
    static void check(String top, List<PortSpec> expected, Map<String, PortSpec> actual) {
        var problems = new ArrayList<String>();
        var seen = new LinkedHashMap<String, PortSpec>();
        for (PortSpec p : expected) {
            if (seen.put(p.name(), p) != null) problems.add("port " + p.name() + " is listed twice");
            PortSpec v = actual.get(p.name());
            if (v == null) problems.add("no port " + p.name() + " in the Verilog");
            else if (!v.equals(p)) problems.add("port " + p.name() + ": given " + p + ", the Verilog says " + v);
        }
        for (PortSpec v : actual.values()) {
            if (!seen.containsKey(v.name())) problems.add("port " + v + " of the Verilog is not in the port list");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the port list does not match module " + top + ":\n  "
                    + String.join("\n  ", problems) + "\n  Verilog ports: " + actual.values());
        }
    }
}
