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
 * io.input.ready.assign(out.enable());
 * Pipeline pipe = new Pipeline(out.enable());
 * out.drive(pipe.valid(io.input.fire(), latency - 1));   // the final stage's valid
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

    /** The output's valid bit takes {@code finalValid} whenever the pipeline advances, and clears once taken. */
    public void drive(Bool finalValid) {
        Hdl.when(enable, () -> valid.assign(finalValid)).elseWhen(output.fire(), () -> valid.assign(Bool.lit(false)));
    }
}
