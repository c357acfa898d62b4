package dev.spindle.sweep;

import dev.spindle.estimate.ResourceEstimate;
import dev.spindle.hdl.verilog.VerilogBackend;
import dev.spindle.hdl.verilog.VerilogOutput;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Measures one point: its Verilog, then the estimate and the simulation the spec asks for. */
public final class PointRunner {
    private final SweepTarget target;

    public PointRunner(SweepTarget target) { this.target = target; }

    /** The point's key, or the configuration error that makes it invalid. */
    public sealed interface Keyed permits Valid, Invalid {}
    public record Valid(String key, VerilogOutput verilog) implements Keyed {}
    public record Invalid(String key, String error) implements Keyed {}

    /**
     * Hash of the configuration, Spindle's version and the Verilog: a changed generator or a new version gives a
     * new key, so a stored result is never reused for different hardware.
     */
    public Keyed key(SweepSpec spec, SweepPoint p) {
        String base = spec.design() + "\n" + VerilogBackend.GENERATOR + "\n" + new TreeMap<>(p.settings()) + "\n"
                + "measures=" + new java.util.TreeSet<>(spec.measures()) + " seed=" + spec.seed() + "\n";
        VerilogOutput out;
        try {
            base += target.dataKey(spec.design(), p.settings());
            out = target.emit(spec.design(), p.settings());
        } catch (IllegalArgumentException e) {
            return new Invalid(sha256(base), e.getMessage());
        }
        StringBuilder sb = new StringBuilder(base);
        new TreeMap<>(out.files()).forEach((name, text) -> sb.append(name).append('\n').append(text));
        return new Valid(sha256(sb.toString()), out);
    }

    /** Runs the point; a configuration error gives {@code invalid}, anything else thrown gives {@code failed}. */
    public PointResult run(SweepSpec spec, SweepPoint p) {
        long start = System.nanoTime();
        Keyed keyed = key(spec, p);
        if (keyed instanceof Invalid inv)
            return new PointResult(p.index(), inv.key(), p.settings(), Map.of(), Map.of(), PointResult.Status.invalid,
                    inv.error(), seconds(start), null);
        Valid valid = (Valid) keyed;
        var measures = new LinkedHashMap<String, Number>();
        var units = new LinkedHashMap<String, String>();
        try {
            if (spec.measures().contains("estimate")) {
                ResourceEstimate e = target.estimate(spec.design(), valid.verilog());
                measures.put("lut", e.lut());
                measures.put("ff", e.ff());
                measures.put("dsp", e.dsp());
                measures.put("bram", e.bram());
                measures.put("depth", e.depth());
            }
            if (spec.measures().contains("sim")) {
                SweepTarget.Measured m = target.simulate(spec.design(), p.settings(), spec.seed());
                measures.putAll(m.measures());
                units.putAll(m.units());
            }
        } catch (RuntimeException e) {
            return new PointResult(p.index(), valid.key(), p.settings(), measures, units, PointResult.Status.failed,
                    e.getClass().getSimpleName() + ": " + e.getMessage(), seconds(start), null);
        }
        return new PointResult(p.index(), valid.key(), p.settings(), measures, units, PointResult.Status.ok, null, seconds(start), null);
    }

    private static double seconds(long start) { return (System.nanoTime() - start) / 1e9; }

    static String sha256(String s) { return sha256(s.getBytes(StandardCharsets.UTF_8)); }

    static String sha256(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
