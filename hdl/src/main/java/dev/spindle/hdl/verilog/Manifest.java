package dev.spindle.hdl.verilog;

import java.util.List;

/**
 * What a generated design is, for the simulator, the host and scripts ({@code manifest.json} beside the Verilog):
 * the top, the files, the ports, the clock domains, the configuration and a hash of the Verilog.
 */
public record Manifest(String generator, String top, List<String> files, List<Port> ports, List<ClockDomainInfo> clockDomains,
                       String configType, Object config, String verilogSha256, List<Renamed> renamed) {
    public record Port(String name, String direction, int width) {}

    /** A Java name that is a (System)Verilog keyword, and the identifier it became in {@code module}. */
    public record Renamed(String module, String name, String verilog) {}

    /** A domain whose clock comes from a top-level port; reset and enable are null when absent. */
    public record ClockDomainInfo(String name, String clock, String reset, String resetKind, String resetActive,
                                  String enable, double periodNs) {}

    public Port port(String name) {
        for (Port p : ports) if (p.name().equals(name)) return p;
        return null;
    }
}
