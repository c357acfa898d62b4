package dev.spindle.nn.top;

import dev.spindle.hdl.Bits;
import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Require;
import dev.spindle.hdl.UInt;
import dev.spindle.lib.axi.RowBeats;
import dev.spindle.lib.stream.Fragment;
import dev.spindle.lib.stream.Stream;
import dev.spindle.modelfile.ArrayFile;
import dev.spindle.modelfile.NdArray;
import dev.spindle.nn.Transformer;
import dev.spindle.nn.transformer.SeededWeights;
import dev.spindle.nn.transformer.TransformerConfig;
import dev.spindle.nn.transformer.TransformerJson;
import dev.spindle.nn.transformer.TransformerModel;
import dev.spindle.nn.transformer.TransformerWeights;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import static dev.spindle.hdl.Hdl.False;
import static dev.spindle.hdl.Hdl.RegInit;
import static dev.spindle.hdl.Hdl.True;
import static dev.spindle.hdl.Hdl.Wire;
import static dev.spindle.hdl.Hdl.cat;
import static dev.spindle.hdl.Hdl.child;
import static dev.spindle.hdl.Hdl.log2Up;
import static dev.spindle.hdl.Hdl.mux;
import static dev.spindle.hdl.Hdl.when;

/**
 * The transformer network ({@link Transformer}, from a {@link TransformerConfig} description) as a unit of the
 * accelerator top. A row is one sample: {@code sequence × features} raw inputs, one token a unit beat; the result
 * row is the network's outputs of the sample (one beat after a flatten, else one a token), each sign-extended into
 * a 16-, 32- or 64-bit container. The weights are the network's weight stream (docs/transformer.md, "Transformer"),
 * {@link Transformer#wordWidth} bits a word; the top holds them in its weight memory and the unit copies them into
 * the network (one word a clock, read synchronously) before the first sample after any weight beat is written, once
 * the samples already inside have left. The configuration is the network's name and the SHA-256 of the description
 * file and its overrides, so the ID hash covers the description's content.
 */
public final class TransformerUnit implements AcceleratorUnit {
    public static final int CODE = 3;

    /** What the manifest and the ID hash record: the network's name and the SHA-256 of its description. */
    public record Description(String network, String sha256) {
        public Description {
            Require.nonNull("network", network);
            Require.nonNull("sha256", sha256);
        }
    }

    private final TransformerConfig network;
    private final Description description;
    private final int weightWords;
    private TransformerWeights template;

    public TransformerUnit(TransformerConfig network, Description description) {
        this.network = Require.nonNull("network", network);
        this.description = Require.nonNull("description", description);
        this.weightWords = Math.toIntExact(shape().weightWords());
    }

    /**
     * The unit of settings {@code arch=FILE.json} (required) and description overrides by dotted path (as
     * {@code spindle generate transformer --set}, e.g. {@code layers.0.parallelism=2}).
     */
    public static TransformerUnit of(Map<String, String> settings) {
        Map<String, String> overrides = new TreeMap<>(settings);
        String arch = overrides.remove("arch");
        if (arch == null) throw new IllegalArgumentException("unit transformer needs arch=FILE.json (spindle run transformer --arch FILE.json)");
        Path file = Path.of(arch);
        byte[] text;
        try {
            text = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("arch = " + arch + ": cannot read the description: " + e.getMessage(), e);
        }
        TransformerConfig c = TransformerJson.read(file, overrides);
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(text);
            md.update(("\n" + overrides).getBytes(StandardCharsets.UTF_8));
            return new TransformerUnit(c, new Description(c.name(), HexFormat.of().formatHex(md.digest())));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public TransformerConfig network() { return network; }

    @Override public String name() { return "transformer"; }

    @Override public String toString() { return AcceleratorUnit.describe(this); }

    @Override public boolean equals(Object o) { return o instanceof TransformerUnit u && u.description.equals(description); }

    @Override public int hashCode() { return description.hashCode(); }

    @Override public int code() { return CODE; }

    @Override public Record config() { return description; }

    static int container(int width) { return width <= 16 ? 16 : width <= 32 ? 32 : 64; }

    private int outputWidth() {
        var f = Transformer.outputFormat(network);
        return f.width() + (f.signed() ? 0 : 1);
    }

    /** Network outputs per output beat, and output beats per sample. */
    private int outputLanes() { return flat() ? network.outputs() : network.outputs() / network.sequence(); }

    private int outputBeats() { return flat() ? 1 : network.sequence(); }

    private boolean flat() {
        for (var l : network.layers()) if (l instanceof dev.spindle.nn.transformer.FlattenSpec) return true;
        return false;
    }

    @Override public RowLayout inputLayout(int busWidth) {
        return new RowLayout(network.sequence() * network.features(), network.features(), container(network.input().width()), busWidth);
    }

    @Override public RowLayout outputLayout(int busWidth) {
        return new RowLayout(outputLanes() * outputBeats(), outputLanes(), container(outputWidth()), busWidth);
    }

    @Override public boolean outputSigned() { return true; }

    @Override public int weightCount() { return weightWords; }

    @Override public int weightBits() { return Transformer.wordWidth(network); }

    /** The network elaborated on a helper thread, for its weight-stream length (elaborations cannot nest). */
    private Transformer shape() {
        return Accelerators.onHelperThread("sizing the transformer's weight stream", () -> {
            var holder = new java.util.concurrent.atomic.AtomicReference<Transformer>();
            dev.spindle.hdl.Spindle.elaborate(() -> {
                holder.set(new Transformer(network));
                return holder.get();
            });
            return holder.get();
        });
    }

    @Override
    public Stream<Fragment<Bits>> build(Stream<Bits> rows, int busWidth, WeightMemory weights) {
        RowLayout in = inputLayout(busWidth);
        RowLayout out = outputLayout(busWidth);
        Transformer net = child(() -> new Transformer(network));
        replayWeights(net, weights, busWidth);

        // Tokens enter only at a sample boundary with the network's weights current (or in the middle of a sample).
        Stream<Fragment<Bits>> tokens = RowBeats.split(rows, in.unitWidth(), in.unitBeatsPerRow(), "tokens");
        Bool admit = Wire(midSample.or(dirty.not().and(replaying.not()).and(replayValid.not()))).named("admit_tokens");
        net.io.input.valid.assign(tokens.valid.and(admit));
        tokens.ready.assign(net.io.input.ready.and(admit));
        int wIn = network.input().width();
        for (int i = 0; i < network.features(); i++) {
            net.io.input.payload.get(i).assignFromBits(tokens.payload.fragment.bits(i * in.bits() + wIn - 1, i * in.bits()));
        }
        Bool sampleIn = Wire(tokens.fire().and(tokens.payload.last)).named("sample_in");
        when(tokens.fire(), () -> midSample.assign(tokens.payload.last.not()));

        Stream<Fragment<Bits>> results = Stream.of(Fragment.type(Bits.type(out.unitWidth()))).named("results_unit");
        results.valid.assign(net.io.output.valid);
        net.io.output.ready.assign(results.ready);
        UInt beat = RegInit(UInt.lit(0, log2Up(outputBeats())));
        Bool lastBeat = Wire(outputBeats() == 1 ? True() : beat.eq(outputBeats() - 1)).named("result_last");
        results.payload.last.assign(lastBeat);
        Bits[] lanes = new Bits[outputLanes()];
        for (int i = 0; i < lanes.length; i++) lanes[lanes.length - 1 - i] = net.io.output.payload.get(i).resize(out.bits()).asBits();
        results.payload.fragment.assign(cat(lanes));
        when(results.fire(), () -> beat.assign(mux(lastBeat, UInt.lit(0, beat.width()), beat.add(1))));
        Bool sampleOut = Wire(results.fire().and(lastBeat)).named("sample_out");
        when(sampleIn.and(sampleOut.not()), () -> inFlight.assign(inFlight.add(1)));
        when(sampleOut.and(sampleIn.not()), () -> inFlight.assign(inFlight.sub(1)));
        return RowBeats.pack(results, busWidth, "results");
    }

    private Bool dirty, replaying, replayValid, midSample;
    private UInt inFlight;

    /**
     * Copies the weight memory into the network's weight stream: word k is lane {@code k mod r} of beat
     * {@code k / r} ({@code r} words a beat, as the weight layout packs them), read one clock ahead.
     */
    private void replayWeights(Transformer net, WeightMemory weights, int busWidth) {
        RowLayout layout = weightLayout(busWidth);
        int bits = layout.bits(), perBeat = layout.ratio();
        dirty = RegInit(True()).named("weights_dirty");
        replaying = RegInit(False()).named("weights_replaying");
        midSample = RegInit(False()).named("mid_sample");
        inFlight = RegInit(UInt.lit(0, 16)).named("samples_in_network");
        UInt address = RegInit(UInt.lit(0, log2Up(weights.depth()))).named("replay_beat");
        UInt lane = RegInit(UInt.lit(0, log2Up(perBeat))).named("replay_lane");
        UInt word = RegInit(UInt.lit(0, log2Up(weightWords + 1))).named("replay_word");
        Bits beat = weights.readSync(address, replaying);
        Bool have = RegInit(False()).named("replay_valid");
        UInt haveLane = RegInit(UInt.lit(0, lane.width())).named("replay_valid_lane");
        have.assign(replaying);
        replayValid = have;
        haveLane.assign(lane);
        Bits value = beat.bits(bits - 1, 0);
        for (int k = 1; k < perBeat; k++) value = mux(haveLane.eq(k), beat.bits(k * bits + bits - 1, k * bits), value);
        net.io.weights.valid.assign(have);
        net.io.weights.payload.assignFromBits(value);
        when(dirty.and(replaying.not()).and(midSample.not()).and(inFlight.eq(0)), () -> {
            replaying.assign(True());
            dirty.assign(False());
            address.assign(UInt.lit(0, address.width()));
            lane.assign(UInt.lit(0, lane.width()));
            word.assign(UInt.lit(0, word.width()));
        });
        when(replaying, () -> {
            word.assign(word.add(1));
            when(word.eq(weightWords - 1), () -> replaying.assign(False()));
            when(lane.eq(perBeat - 1), () -> {
                lane.assign(UInt.lit(0, lane.width()));
                address.assign(address.add(1));
            }).otherwise(() -> lane.assign(lane.add(1)));
        });
        when(weights.written(), () -> dirty.assign(True()));
    }

    @Override
    public synchronized long[] model(long[] row, long[] weights) {
        if (template == null) {
            Map<String, NdArray> zeros = new LinkedHashMap<>();
            for (var e : SeededWeights.of(network, 0, 1.0).entrySet()) {
                zeros.put(e.getKey(), NdArray.ofDoubles(e.getValue().dtype(), e.getValue().shape(), new double[e.getValue().doubles().length]));
            }
            template = TransformerWeights.load(network, new ArrayFile(Path.of(network.name() + "-shapes"), zeros));
        }
        if (row.length != network.sequence() * network.features()) {
            throw new IllegalArgumentException("transformer model: row has " + row.length + " values, the network takes sequence × features = "
                    + network.sequence() + " × " + network.features());
        }
        return new TransformerModel(network, template.withStream(weights)).apply(row);
    }
}
