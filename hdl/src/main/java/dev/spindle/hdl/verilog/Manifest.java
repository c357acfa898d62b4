package dev.spindle.hdl.verilog;

import java.util.List;

/**
 * What a generated design is, for the simulator, the host and scripts ({@code manifest.json} beside the Verilog):
 * the top, the files, the ports, the clock domains, the configuration, a hash of the Verilog, and every
 * {@code reg}/{@code wire}/memory declaration with where its name came from.
 */
public record Manifest(String generator, String top, List<String> files, List<Port> ports, List<ClockDomainInfo> clockDomains,
                       String configType, Object config, String verilogSha256, List<Renamed> renamed,
                       List<Declaration> declarations) {
    /** A manifest without declarations (fixtures that describe only the ports). */
    public Manifest(String generator, String top, List<String> files, List<Port> ports, List<ClockDomainInfo> clockDomains,
                    String configType, Object config, String verilogSha256, List<Renamed> renamed) {
        this(generator, top, files, ports, clockDomains, configType, config, verilogSha256, renamed, List.of());
    }

    public record Port(String name, String direction, int width) {}

    /** A Java name that is a (System)Verilog keyword, and the identifier it became in {@code module}. */
    public record Renamed(String module, String name, String verilog) {}

    /**
     * One declaration of one emitted module: {@code kind} is {@code reg}, {@code wire} or {@code memory};
     * {@code origin} is {@code field}, {@code local}, {@code area}, {@code named}, {@code derived} or
     * {@code temporary} (a name the emitter made up, {@code _zz_...}).
     */
    public record Declaration(String module, String name, String kind, int width, String origin) {
        Declaration inModule(String m) { return new Declaration(m, name, kind, width, origin); }
    }

    /** A domain whose clock comes from a top-level port; reset and enable are null when absent. */
    public record ClockDomainInfo(String name, String clock, String reset, String resetKind, String resetActive,
                                  String enable, double periodNs) {}

    public Port port(String name) {
        for (Port p : ports) if (p.name().equals(name)) return p;
        return null;
    }
}
