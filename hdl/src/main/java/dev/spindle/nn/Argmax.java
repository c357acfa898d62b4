package dev.spindle.nn;

import dev.spindle.hdl.ConfiguredComponent;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.UInt;
import dev.spindle.lib.OutputStage;
import dev.spindle.lib.Pipeline;
import dev.spindle.lib.math.MaxTree;

import java.util.ArrayList;
import java.util.List;

/**
 * An argmax head (docs/transformer.md, "Argmax"): each beat of {@code lanes} logits becomes one beat of one lane, the
 * index of the largest logit, the lowest index on ties (numpy's argmax; bit for bit {@code TransformerModel.argmax}).
 * A {@link MaxTree} of compare-and-select nodes, registered every {@code registerEvery} levels, then the output
 * register; one clock enable stalls the whole pipeline while the output waits, so nothing is lost.
 *
 * <p>Ports: {@code io_input} (Stream of a Vec of {@code lanes} raw SInt logits), {@code io_output} (Stream of a Vec
 * of one SInt lane of {@link ArgmaxConfig#outputWidth()} bits: the index, a sign bit added).
 * <b>Latency</b> {@link ArgmaxConfig#latency()} cycles ({@code floor(ceil(log2 lanes) / registerEvery) + 1}), one
 * beat a cycle.
 */
public final class Argmax extends ConfiguredComponent<ArgmaxConfig> {
    public final LanesIo io;

    public Argmax(ArgmaxConfig c) {
        super(c);
        io = new LanesIo(c.input().width(), c.lanes(), c.outputWidth(), 1);
        OutputStage out = new OutputStage(io.output);
        Pipeline pipe = out.pipeline(io.input, c.latency());
        List<SInt> logits = new ArrayList<>();
        for (SInt x : io.input.payload) logits.add(x);
        MaxTree.Result<SInt> best = MaxTree.argMax(logits, c.registerEvery(), out.enable());
        UInt index = pipe.stage(best.index().resize(c.indexWidth()));
        io.output.payload.get(0).assign(index.resize(c.outputWidth()).asSInt());
    }
}
