package dev.spindle.sim.bench;

import dev.spindle.examples.Counter;
import dev.spindle.hdl.Component;
import dev.spindle.sim.Sim;

import java.util.List;
import java.util.Random;

/** Random enable; the model is {@code value = (value + enable) mod 2^width}. */
final class CounterBench implements Testbench {
    @Override
    public Result run(Sim<? extends Component> s, Random random, Options options) {
        options.requireNoDump();
        long cycles = options.cycles();
        Counter dut = (Counter) s.dut();
        Counter.Config c = (Counter.Config) dut.node().config();
        var value = s.port(dut.io.value);
        var enable = c.enable() ? s.port(dut.io.enable) : null;
        long mask = c.width() == 64 ? -1L : (1L << c.width()) - 1;
        long model = 0;
        long mismatches = 0;
        String first = null;
        for (long i = 0; i < cycles; i++) {
            long got = value.get();
            if (got != model) {
                if (first == null) first = "cycle " + i + ": expected " + model + " but got " + got;
                mismatches++;
                model = got;
            }
            boolean en = enable == null || random.nextBoolean();
            if (enable != null) enable.set(en);
            s.cycle();
            if (en) model = (model + 1) & mask;
        }
        return new Result(cycles, cycles, mismatches, first, List.of());
    }
}
