package dev.spindle.sim.bench;

import dev.spindle.design.BuiltinDesigns;
import dev.spindle.examples.Fifo;
import dev.spindle.sim.Codec;
import dev.spindle.sim.Sim;
import dev.spindle.sim.StreamDriver;
import dev.spindle.sim.StreamMonitor;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Random;

/**
 * Random words pushed with 30% gaps, popped with 30% back-pressure; the model is a queue. Latency is from a word's
 * push to its pop.
 */
final class FifoBench extends FreeRunningBench<Fifo.Config, Fifo> {
    FifoBench() { super(BuiltinDesigns.FIFO); }

    @Override
    Measures run(Sim<Fifo> s, Random random, long cycles) {
        Fifo dut = s.dut();
        int width = dut.config().width();
        ArrayDeque<BigInteger> model = new ArrayDeque<>();
        var in = new StreamDriver<>(s, dut.io.push, Codec.big(dut.io.push.payload), random, 0.3);
        FireTimes pushed = new FireTimes(s, dut.io.push);
        Measurement m = new Measurement();
        new StreamMonitor<>(s, dut.io.pop, Codec.big(dut.io.pop.payload), random, 0.3).onBeat((word, cycle) -> {
            m.compare(model.poll(), word, () -> "cycle " + cycle);
            if (!pushed.isEmpty()) m.latency(cycle - pushed.take());
        });
        for (long i = 0; i < cycles; i++) {
            if (in.idle()) {
                BigInteger w = new BigInteger(width, random);
                in.push(w);
                model.add(w);
            }
            s.cycle();
        }
        return m.done(cycles);
    }
}
