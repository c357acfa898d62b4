package dev.spindle.sim.bench;

import dev.spindle.examples.Fifo;
import dev.spindle.hdl.Component;
import dev.spindle.sim.Codec;
import dev.spindle.sim.Sim;
import dev.spindle.sim.StreamDriver;
import dev.spindle.sim.StreamMonitor;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Random;

/** Random words pushed with 30% gaps, popped with 30% back-pressure; the model is a queue. */
final class FifoBench implements Testbench {
    @Override
    public Result run(Sim<? extends Component> s, Random random, Options options) {
        options.requireNoDump();
        long cycles = options.cycles();
        Fifo dut = (Fifo) s.dut();
        int width = ((Fifo.Config) dut.node().config()).width();
        ArrayDeque<BigInteger> model = new ArrayDeque<>();
        long[] mismatches = {0};
        long[] checked = {0};
        String[] first = {null};
        var in = new StreamDriver<>(s, dut.io.push, Codec.big(dut.io.push.payload), random, 0.3);
        new StreamMonitor<>(s, dut.io.pop, Codec.big(dut.io.pop.payload), random, 0.3).onBeat((word, cycle) -> {
            BigInteger want = model.poll();
            checked[0]++;
            if (!word.equals(want)) {
                mismatches[0]++;
                if (first[0] == null) first[0] = "cycle " + cycle + ": expected " + want + " but got " + word;
            }
        });
        for (long i = 0; i < cycles; i++) {
            if (in.idle()) {
                BigInteger w = new BigInteger(width, random);
                in.push(w);
                model.add(w);
            }
            s.cycle();
        }
        return new Result(cycles, checked[0], mismatches[0], first[0], List.of());
    }
}
