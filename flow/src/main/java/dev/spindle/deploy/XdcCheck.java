package dev.spindle.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a board's XDC against the top it constrains, both ways: every non-GT top-level port has a PACKAGE_PIN
 * and an IOSTANDARD, the GT reference clock has its PACKAGE_PIN (GT lanes are placed by the IP and take none),
 * every constrained port exists, the pins are the board's, and the clock constraint is the 100 MHz refclk's.
 * The XDC runs under tclsh with the Vivado commands stubbed, so it is read as Vivado reads it.
 */
public final class XdcCheck {
    private static final Pattern PORT = Pattern.compile(
            "\\b(input|output|inout)\\s+(?:wire\\s+|reg\\s+)?(?:\\[(\\d+)\\s*:\\s*(\\d+)\\]\\s*)?([A-Za-z_][A-Za-z0-9_$]*)");

    private XdcCheck() {}

    /** The ports of the first module in a Verilog file, name to width, in order. */
    public static Map<String, Integer> ports(Path verilog) {
        String text;
        try {
            text = Files.readString(verilog);
        } catch (IOException e) {
            throw new DeployException("cannot read " + verilog + ": " + e.getMessage(), e);
        }
        int open = text.indexOf("module ");
        int close = open < 0 ? -1 : text.indexOf(");", open);
        if (close < 0) throw new DeployException(verilog + ": no module header found");
        Map<String, Integer> ports = new LinkedHashMap<>();
        Matcher m = PORT.matcher(text.substring(open, close));
        while (m.find()) {
            int width = m.group(2) == null ? 1 : Math.abs(Integer.parseInt(m.group(2)) - Integer.parseInt(m.group(3))) + 1;
            ports.put(m.group(4), width);
        }
        return ports;
    }

    /**
     * @param calls the XDC's recorded calls ({@link Tclsh#stubbed}); {@code xdc} and {@code top} name the files in messages
     * @return the problems found, each naming the port and the file; empty when the XDC and the top agree
     */
    public static List<String> check(Board board, Path xdc, Path top, List<List<String>> calls) {
        Map<String, Integer> ports = ports(top);
        Map<String, Map<String, String>> props = new LinkedHashMap<>();
        java.util.SequencedSet<String> problems = new java.util.LinkedHashSet<>();
        List<String> clocks = new ArrayList<>();
        String xdcName = xdc.toString();
        String topName = top.toString();
        for (List<String> call : calls) {
            switch (call.getFirst()) {
                case "get_ports" -> {
                    for (String p : call.getLast().trim().split("\\s+")) {
                        String base = p.replaceFirst("\\[\\d+\\]$", "");
                        if (!ports.containsKey(base)) {
                            problems.add(xdcName + ": constrains port " + base + " (line " + lineOf(xdc, base) + "), which "
                                    + topName + " does not have (its ports: " + String.join(", ", ports.keySet()) + ")");
                        }
                    }
                }
                case "set_property" -> {
                    List<String> a = call.subList(1, call.size());
                    Map<String, String> kv = new LinkedHashMap<>();
                    String objects;
                    if (a.getFirst().equals("-dict")) {
                        String[] pairs = a.get(1).trim().split("\\s+");
                        for (int i = 0; i + 1 < pairs.length; i += 2) kv.put(pairs[i], pairs[i + 1]);
                        objects = a.get(2);
                    } else {
                        kv.put(a.get(0), a.get(1));
                        objects = a.get(2);
                    }
                    for (String o : objects.trim().split("\\s+")) {
                        if (o.startsWith("port:")) props.computeIfAbsent(o.substring(5), k -> new LinkedHashMap<>()).putAll(kv);
                    }
                }
                case "create_clock" -> clocks.add(String.join(" ", call.subList(1, call.size())));
                default -> { }
            }
        }
        for (String port : ports.keySet()) {
            if (XdmaTop.GT_LANES.contains(port)) continue;
            Map<String, String> p = props.getOrDefault(port, Map.of());
            if (!p.containsKey("PACKAGE_PIN")) {
                problems.add(xdcName + ": port " + port + " of " + topName + " has no PACKAGE_PIN");
            }
            if (!XdmaTop.GT_REFCLK.contains(port) && !p.containsKey("IOSTANDARD")) {
                problems.add(xdcName + ": port " + port + " of " + topName + " has no IOSTANDARD");
            }
            if (XdmaTop.GT_REFCLK.contains(port) && p.containsKey("IOSTANDARD")) {
                problems.add(xdcName + ": port " + port + " is a GT reference clock pin and takes no IOSTANDARD");
            }
        }
        expect(problems, xdcName, props, XdmaTop.REFCLK_P, "PACKAGE_PIN", board.refclkP());
        expect(problems, xdcName, props, XdmaTop.REFCLK_N, "PACKAGE_PIN", board.refclkN());
        expect(problems, xdcName, props, XdmaTop.PERST_N, "PACKAGE_PIN", board.perstPin());
        expect(problems, xdcName, props, XdmaTop.PERST_N, "IOSTANDARD", board.perstIostandard());
        checkClock(problems, xdcName, clocks);
        return List.copyOf(problems);
    }

    private static void expect(java.util.Collection<String> problems, String xdc, Map<String, Map<String, String>> props,
                               String port, String key, String want) {
        String got = props.getOrDefault(port, Map.of()).get(key);
        if (got != null && !got.equals(want)) {
            problems.add(xdc + ": port " + port + " has " + key + " " + got + ", the board's is " + want + " (docs/deploy.md)");
        }
    }

    /** Exactly one create_clock, on the refclk's positive pin, with the refclk's period. */
    private static void checkClock(java.util.Collection<String> problems, String xdc, List<String> clocks) {
        List<String> refclk = clocks.stream().filter(c -> c.endsWith("port:" + XdmaTop.REFCLK_P)).toList();
        if (refclk.isEmpty()) {
            problems.add(xdc + ": no create_clock on port " + XdmaTop.REFCLK_P + " (the 100 MHz PCIe reference clock)");
            return;
        }
        for (String c : refclk) {
            Matcher m = Pattern.compile("-period (\\S+)").matcher(c);
            double period = m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
            if (Math.abs(period - Board.REFCLK_PERIOD_NS) > 1e-6) {
                problems.add(String.format(Locale.ROOT, "%s: create_clock on port %s has period %s ns, the PCIe refclk's is %.3f ns (100 MHz)",
                        xdc, XdmaTop.REFCLK_P, Double.isNaN(period) ? "no" : Double.toString(period), Board.REFCLK_PERIOD_NS));
            }
        }
    }

    private static int lineOf(Path xdc, String port) {
        try {
            List<String> lines = Files.readAllLines(xdc);
            for (int i = 0; i < lines.size(); i++) if (lines.get(i).matches(".*get_ports\\s+\\{?\\s*" + Pattern.quote(port) + "\\b.*")) return i + 1;
        } catch (IOException e) {
            // The line number is a courtesy.
        }
        return 0;
    }
}
