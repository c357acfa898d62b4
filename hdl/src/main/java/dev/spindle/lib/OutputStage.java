package dev.spindle.lib;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Hdl;
import dev.spindle.hdl.Require;
import dev.spindle.lib.stream.Stream;

/**
 * The output register of a pipeline that stalls as one on back-pressure: the clock enable {@code ce} is high
 * whenever the output register is free (empty, or taken in this cycle), so a result waiting at the output freezes
 * every stage behind it and nothing is lost. It makes {@code outValid} (the output's valid bit) and {@code ce}, and
 * drives {@code output.valid}; the unit drives the payload from registers loaded under {@link #enable()}.
 *
 * <pre>{@code
 * OutputStage out = new OutputStage(io.output);
 * Pipeline pipe = out.pipeline(io.input, latency);   // input taken when the pipeline advances; its valid follows
 * }</pre>
 */
public final class OutputStage {
    private final Stream<?> output;
    private final Bool valid;
    private final Bool enable;

    public OutputStage(Stream<?> output) {
        Require.nonNull("output", output);
        this.output = output;
        valid = Hdl.RegInit(Bool.lit(false)).named("outValid");
        enable = Hdl.Wire(Bool.type()).named("ce");
        enable.assign(valid.and(output.ready.not()).not());
        output.valid.assign(valid);
    }

    /** The pipeline's clock enable ({@code ce}). */
    public Bool enable() { return enable; }

    /**
     * The pipeline from {@code input} to this output, {@code latency} (at least 1, the output register included)
     * enabled cycles long: the input is taken whenever it advances, and the input's valid, delayed through it, drives
     * the output's. The unit builds its data stages on the returned {@link Pipeline}.
     */
    public Pipeline pipeline(Stream<?> input, int latency) {
        Require.range("latency", latency, 1, 1 << 16);
        input.ready.assign(enable);
        Pipeline pipe = new Pipeline(enable);
        drive(pipe.valid(input.fire(), latency - 1));
        return pipe;
    }

    /** The output's valid bit takes {@code finalValid} whenever the pipeline advances, and clears once taken. */
    public void drive(Bool finalValid) {
        Hdl.when(enable, () -> valid.assign(finalValid)).elseWhen(output.fire(), () -> valid.assign(Bool.lit(false)));
    }
}
