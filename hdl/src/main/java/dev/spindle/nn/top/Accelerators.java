package dev.spindle.nn.top;

import dev.spindle.design.ConfigParser;
import dev.spindle.design.BuiltinDesigns;
import dev.spindle.hdl.Spindle;
import dev.spindle.hdl.verilog.VerilogBackend;
import dev.spindle.hdl.verilog.VerilogOutput;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Builds accelerator tops with their ID hash. The hash (docs/accelerator.md) is the SHA-256 of the configuration
 * and the Verilog of the same top with the hash registers at zero, so it covers everything but the ID value itself:
 * the top is elaborated once with a zero hash to compute it, then again with it.
 */
public final class Accelerators {
    public static final int DEFAULT_DATA_WIDTH = 64;
    /** The units the top can wrap, by design name. */
    public static final List<String> UNITS = List.of("softmax", "dot", "transformer");

    private Accelerators() {}

    /** The top of {@code c} with its ID hash filled in; call it as the top of an elaboration ({@code Spindle.elaborate(() -> Accelerators.top(c))}). */
    public static AcceleratorTop top(AcceleratorTop.Config c) {
        String hash = idHash(c);
        return new AcceleratorTop(c.withIdHash(hash));
    }

    /** The emitted top with its ID hash. */
    public static VerilogOutput generate(AcceleratorTop.Config c) {
        return VerilogBackend.emit(Spindle.elaborate(() -> top(c)));
    }

    /**
     * The ID hash of a configuration. The zero-hash top is elaborated on a helper thread: the elaboration context
     * belongs to its thread and cannot nest, and this may be called while the real top is being elaborated.
     */
    public static String idHash(AcceleratorTop.Config c) {
        AcceleratorTop.Config zero = c.withIdHash(AcceleratorRegisters.Id.ZERO_HASH);
        return hashOf(zero, onHelperThread("computing the ID hash", () -> VerilogBackend.emit(Spindle.elaborate(() -> new AcceleratorTop(zero)))));
    }

    /**
     * {@code work} (an elaboration) run on a helper thread and waited for: the elaboration context belongs to its
     * thread and cannot nest. Its exceptions are rethrown here; {@code what} names it when interrupted.
     */
    static <T> T onHelperThread(String what, Supplier<T> work) {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = Thread.ofPlatform().name("spindle-elaboration-helper").start(() -> {
            try {
                result.set(work.get());
            } catch (Throwable e) {
                result.set(e);
            }
        });
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        }
        if (result.get() instanceof RuntimeException e) throw e;
        if (result.get() instanceof Error e) throw e;
        if (result.get() instanceof Throwable e) throw new IllegalStateException(e);
        @SuppressWarnings("unchecked") T value = (T) result.get();
        return value;
    }

    /** SHA-256 over "spindle-id-v1", the zero-hash configuration's text and each Verilog file (name, NUL, text, NUL). */
    static String hashOf(AcceleratorTop.Config zero, VerilogOutput out) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(("spindle-id-v1\n" + zero + "\n").getBytes(StandardCharsets.UTF_8));
            VerilogOutput.digest(md, out.files());
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The top configuration for a unit design and its {@code --set} settings; the key {@code dataWidth} (64, 128,
     * 256, 512; default 64) sets the stream width, {@code unitClockNs} (default 0: axi_aclk) the unit's own clock,
     * the others go to the unit.
     */
    public static AcceleratorTop.Config config(String design, Map<String, String> settings) {
        Map<String, String> unitSettings = new LinkedHashMap<>(settings);
        String width = unitSettings.remove("dataWidth");
        String clock = unitSettings.remove("unitClockNs");
        double unitClockNs;
        try {
            unitClockNs = clock == null ? 0 : Double.parseDouble(clock);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unitClockNs = " + clock + " is not a number: allowed 0 (the unit on axi_aclk) or 2..100 ns");
        }
        int dataWidth;
        try {
            dataWidth = width == null ? DEFAULT_DATA_WIDTH : Integer.parseInt(width);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("dataWidth = " + width + " is not a number: allowed 64, 128, 256, 512");
        }
        return new AcceleratorTop.Config(unit(design, unitSettings), dataWidth, AcceleratorRegisters.Id.ZERO_HASH, unitClockNs);
    }

    /** A unit by design name with its settings (errors name the key or list the units). */
    public static AcceleratorUnit unit(String design, Map<String, String> settings) {
        return switch (design) {
            case "softmax" -> new SoftmaxUnit(BuiltinDesigns.SOFTMAX.config(settings));
            case "dot" -> new DotProductUnit(ConfigParser.parse(DotProductUnit.Config.class, new DotProductUnit.Config(16), settings));
            case "transformer" -> TransformerUnit.of(settings);
            default -> throw new IllegalArgumentException("design '" + design + "' cannot be wrapped in the accelerator top: allowed " + String.join(", ", UNITS));
        };
    }
}
