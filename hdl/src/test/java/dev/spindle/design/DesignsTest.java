package dev.spindle.design;

import dev.spindle.examples.Counter;
import dev.spindle.hdl.FixFormat;
import dev.spindle.nn.softmax.SoftmaxAlgorithm;
import dev.spindle.nn.softmax.SoftmaxConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.spindle.design.BuiltinDesigns.COUNTER;
import static dev.spindle.design.BuiltinDesigns.SOFTMAX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry, the configuration parser, the settings round trip and the stable hash. */
class DesignsTest {
    static final FixFormat S6_10 = FixFormat.parse("s6.10"), U1_8 = FixFormat.parse("u1.8");

    static void failsWith(String fragment, Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(fragment), "message was: " + ex.getMessage());
    }

    static Map<String, String> set(String... pairs) { return ConfigParser.settings(List.of(pairs)); }

    @Test void theBuiltinDesignsAreRegisteredOnceByName() {
        assertEquals(List.of("counter", "fifo", "softmax"), Designs.all().stream().map(Design::name).limit(3).toList());
        assertSame(SOFTMAX, Designs.get("softmax"));
        failsWith("unknown design 'sofmax': known designs are counter, fifo, softmax", () -> Designs.get("sofmax"));
    }

    @Test void softmaxSettingsFromTheCommandLine() {
        SoftmaxConfig c = SOFTMAX.config(set("length=64", "lanes=4", "input=s6.10", "output=u1.8", "algorithm=base2"));
        assertEquals(new SoftmaxConfig(64, 4, S6_10, U1_8, SoftmaxAlgorithm.BASE2), c);
        assertEquals(new SoftmaxConfig(64, 1, S6_10, U1_8, SoftmaxAlgorithm.EXP_TABLE), SOFTMAX.config(Map.of()));
        failsWith("unknown key 'lane' for SoftmaxConfig: allowed keys are length, lanes, input, output, algorithm",
                () -> SOFTMAX.config(set("lane=4")));
        failsWith("lanes = four is not a valid int", () -> SOFTMAX.config(set("lanes=four")));
        failsWith("algorithm = SOFTMAX is not allowed: one of EXP_TABLE, BASE2, SHIFTMAX", () -> SOFTMAX.config(set("algorithm=SOFTMAX")));
        failsWith("output: fixed-point format 'q1.8' is malformed", () -> SOFTMAX.config(set("output=q1.8")));
        failsWith("--set 'lanes4' is malformed: expected key=value", () -> set("lanes4"));
        failsWith("length = 10 must be a multiple of lanes = 4", () -> SOFTMAX.config(set("length=10", "lanes=4")));
        failsWith("enable = yes is not a valid boolean", () -> COUNTER.config(set("enable=yes")));
    }

    @Test void settingsGiveTheConfigurationBack() {
        SoftmaxConfig c = new SoftmaxConfig(96, 8, FixFormat.parse("u3.5"), FixFormat.parse("s2.10"), SoftmaxAlgorithm.SHIFTMAX);
        Map<String, String> s = SOFTMAX.settings(c);
        assertEquals(List.of("length=96", "lanes=8", "input=u3.5", "output=s2.10", "algorithm=SHIFTMAX"),
                s.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        assertEquals(c, SOFTMAX.config(s));
        record Mixed(long big, double scale, String label, Path file) {}
        Mixed m = new Mixed(1L << 40, 0.1 + 0.2, "a b=c", Path.of("models", "tiny.json"));
        assertEquals(m, ConfigParser.parse(Mixed.class, new Mixed(0, 0, "", Path.of(".")), ConfigParser.settings(m)));
        record WithFunction(java.util.function.IntUnaryOperator f) {}
        failsWith("WithFunction.f of type IntUnaryOperator cannot be written as a setting",
                () -> ConfigParser.settings(new WithFunction(x -> x)));
    }

    @Test void theHashIsStableAndSeparatesConfigurations() {
        Counter.Config c = new Counter.Config(12, true);
        // Fixed by definition (SHA-256 of "counter\nwidth=12\nenable=true\n"): a change here invalidates every cache and sweep key.
        assertEquals("a4a7dfafeab30bf2", COUNTER.hash(c));
        assertEquals(COUNTER.hash(c), COUNTER.hash(COUNTER.config(set("width=12"))));
        assertNotEquals(COUNTER.hash(c), COUNTER.hash(new Counter.Config(12, false)));
        assertNotEquals(COUNTER.hash(c), ConfigParser.hash("other", c));
    }

    @Test void theCatalogRefusesDuplicatesAndStrayAttachments() {
        DesignProvider builtin = new BuiltinDesigns();
        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> Designs.Catalog.of(List.of(builtin, builtin)));
        assertTrue(twice.getMessage().contains("design 'counter' is defined twice"), twice.getMessage());
        Design<Counter.Config, Counter> stray = new Design<>("counter", "a second entry", Counter.Config.class,
                new Counter.Config(4, false), Counter::new);
        Design.Attachment<Counter.Config, Counter> bench = () -> stray;
        DesignProvider attaching = new DesignProvider() {
            @Override public List<Design.Attachment<?, ?>> attachments() { return List.of(bench); }
        };
        IllegalStateException notRegistered = assertThrows(IllegalStateException.class, () -> Designs.Catalog.of(List.of(builtin, attaching)));
        assertTrue(notRegistered.getMessage().contains("attaches to design 'counter', which no provider registers (a different entry has that name)"),
                notRegistered.getMessage());
        Designs.Catalog ok = Designs.Catalog.of(List.of(builtin, new DesignProvider() {
            @Override public List<Design.Attachment<?, ?>> attachments() { return List.of((Design.Attachment<Counter.Config, Counter>) () -> COUNTER); }
        }));
        assertEquals(1, ok.attachments(COUNTER).size());
        assertEquals(0, ok.attachments(stray).size());
        failsWith("design name 'Soft max' is not allowed", () -> new Design<>("Soft max", "", Counter.Config.class, c(), Counter::new));
    }

    @Test void aTopClassWithoutDefaultsNeedsEveryKey() {
        Design<?, ?> d = TopClasses.design(Counter.class);
        assertEquals("counter", d.name());
        assertEquals(Counter.Config.class, d.configType());
        failsWith("missing key 'enable' for Config: it has no defaults, so set every key (width, enable)", () -> d.config(set("width=4")));
        assertEquals("Counter", d.elaborate(set("width=4", "enable=true")).root().definitionName());
        assertEquals("my-top", TopClasses.name("MyTop"));
        assertEquals("fft2d-unit", TopClasses.name("FFT2dUnit"));
        failsWith("is not a component built from a configuration", () -> TopClasses.design(String.class));
    }

    private static Counter.Config c() { return new Counter.Config(8, true); }
}
