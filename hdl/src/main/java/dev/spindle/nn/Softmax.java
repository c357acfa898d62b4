package dev.spindle.nn;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.ConfiguredComponent;
import dev.spindle.hdl.SFix;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.UFix;
import dev.spindle.hdl.UInt;
import dev.spindle.hdl.Vec;
import dev.spindle.lib.Pipeline;
import dev.spindle.lib.stream.Fragment;
import dev.spindle.lib.stream.Stream;
import dev.spindle.nn.SoftmaxStages.Beat;
import dev.spindle.nn.SoftmaxStages.Lanes;
import dev.spindle.nn.softmax.Base2Params;
import dev.spindle.nn.softmax.ExpTableParams;
import dev.spindle.nn.softmax.ShiftmaxParams;
import dev.spindle.nn.softmax.SoftmaxConfig;
import dev.spindle.nn.softmax.SoftmaxParams;

import java.util.ArrayList;
import java.util.List;

/**
 * The softmax unit (docs/softmax.md): rows of {@code length} scores arrive {@code lanes} a beat on
 * {@code io_input} ({@code Stream<Fragment<Vec<SFix>>>} in the {@code input} format) and leave as probabilities on
 * {@code io_output} ({@code Stream<Fragment<Vec<UFix>>>} in the {@code output} format), bit
 * for bit equal to {@code SoftmaxModel}. The unit counts {@code length/lanes} beats a row itself (the input
 * {@code last} is not used); the output's {@code last} marks each row's final beat. The datapath of each algorithm is
 * its own class ({@link SoftmaxExpTable}, {@link SoftmaxBase2}, {@link SoftmaxShiftmax}) on shared stages
 * ({@link SoftmaxStages}).
 *
 * <p><b>Latency</b>: {@link SoftmaxParams#latency()} cycles from a row's first input beat to its first output beat
 * (EXP_TABLE: {@code 2·Lb + 2·t + D + 13}, D = {@code floor((q+2)/2) + 1} divider stages; with one beat a row
 * {@code 2·ceil(log2 lanes / 2) + D8 + 8}, D8 = {@code ceil((q+2)/3)} radix-8 divider stages) for a gap-free row, rows back to back at one beat per clock.
 *
 * <p><b>Stalls</b>: the whole pipeline has one clock enable, {@code ce}: it advances whenever the output register is
 * free (empty or being taken), and a cycle without an input beat enters a bubble, in the middle of a row too. The row
 * stores read a row back only once all its beats are in, so a gap delays that row (by the gap) and nothing else: rows
 * already inside go on and leave. Back-pressure freezes the pipeline until the output is taken. Nothing is lost.
 */
public final class Softmax extends ConfiguredComponent<SoftmaxConfig> {

    public static final class Io extends Bundle {
        public final Stream<Fragment<Vec<SFix>>> input;
        public final Stream<Fragment<Vec<UFix>>> output;

        Io(SoftmaxConfig c) {
            input = slave(new Stream<>(Fragment.type(Vec.type(SFix.type(c.input()), c.lanes()))));
            output = master(new Stream<>(Fragment.type(Vec.type(UFix.type(c.output()), c.lanes()))));
        }
    }

    public final Io io;
    private final UInt beatCount;
    private final Bool outValid;
    private final Bool ce;

    public Softmax(SoftmaxConfig c) {
        super(c);
        if (!c.input().signed()) {
            throw new UnsupportedOperationException("input = " + c.input() + ": the RTL takes signed inputs only for now");
        }
        SoftmaxParams params = SoftmaxParams.of(c);
        io = new Io(c);
        int lb = params.beatsPerRow();

        beatCount = RegInit(UInt.lit(0, log2Up(lb)));
        outValid = RegInit(False());
        ce = Wire(Bool.type());
        ce.assign(outValid.not().or(io.output.ready));
        io.input.ready.assign(ce);
        Bool inFire = io.input.fire();
        Bool lastIn = beatCount.eq(lb - 1);
        when(inFire, () -> beatCount.assign(mux(lastIn, UInt.lit(0, beatCount.width()), beatCount.add(1))));

        // A1: the input register
        Pipeline pipe = new Pipeline(ce);
        SoftmaxStages stages = new SoftmaxStages(pipe, params);
        Beat a1Beat = new Beat(pipe.valid(inFire), pipe.stage(beatCount.eq(0)), pipe.stage(lastIn));
        List<SInt> a1Lanes = new ArrayList<>();
        for (SFix x : io.input.payload.fragment) a1Lanes.add(pipe.stage(x.raw()));
        Lanes<SInt> a1 = new Lanes<>(a1Beat, a1Lanes);

        Lanes<UInt> result = switch (params) {
            case ExpTableParams p -> SoftmaxExpTable.build(stages, p, a1);
            case Base2Params p -> SoftmaxBase2.build(stages, p, a1);
            case ShiftmaxParams p -> SoftmaxShiftmax.build(stages, p, a1);
        };

        // the output register (the last stage): loads on ce, empties when taken and not reloaded
        List<UInt> outLanes = pipe.stage(result.values());
        Bool outLast = pipe.stage(result.beat().last());
        when(ce, () -> outValid.assign(result.beat().valid()))
                .elseWhen(io.output.fire(), () -> outValid.assign(False()));
        io.output.valid.assign(outValid);
        io.output.payload.last.assign(outLast);
        for (int i = 0; i < c.lanes(); i++) io.output.payload.fragment.get(i).assign(UFix.fromRaw(outLanes.get(i), c.output()));
    }
}
