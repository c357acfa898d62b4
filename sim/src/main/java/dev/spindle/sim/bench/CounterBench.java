package dev.spindle.sim.bench;

import dev.spindle.design.BuiltinDesigns;
import dev.spindle.examples.Counter;
import dev.spindle.sim.Sim;

import java.util.Random;

/** Random enable; the model is {@code value = (value + enable) mod 2^width}, one output checked every cycle. */
final class CounterBench extends FreeRunningBench<Counter.Config, Counter> {
    CounterBench() { super(BuiltinDesigns.COUNTER); }

    @Override
    Measures run(Sim<Counter> s, Random random, long cycles) {
        Counter dut = s.dut();
        Counter.Config c = dut.config();
        var value = s.port(dut.io.value);
        var enable = c.enable() ? s.port(dut.io.enable) : null;
        long mask = c.width() == 64 ? -1L : (1L << c.width()) - 1;
        long model = 0;
        Measurement m = new Measurement();
        for (long i = 0; i < cycles; i++) {
            long got = value.get();
            long cycle = i;
            m.compare(model, got, () -> "cycle " + cycle);
            model = got; // after a mismatch, follow the design so one fault is counted once
            boolean en = enable == null || random.nextBoolean();
            if (enable != null) enable.set(en);
            s.cycle();
            if (en) model = (model + 1) & mask;
        }
        return m.done(cycles);
    }
}
