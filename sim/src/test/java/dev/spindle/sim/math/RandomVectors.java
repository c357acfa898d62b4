package dev.spindle.sim.math;

import dev.spindle.sim.Sim;
import dev.spindle.tools.RandomRaw;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The stimulus of a pipelined vector unit (adder tree, max tree): every cycle a random vector ({@link RandomRaw}, range
 * ends drawn often) and a random {@code inValid}; {@code latency} cycles later the outputs must be what the model
 * gives for that vector, and {@code outValid} the {@code inValid} sent with it.
 */
final class RandomVectors {
    private RandomVectors() {}

    /** Checks one output against the model's value for the vector {@code xs} sent {@code latency} cycles ago. */
    @FunctionalInterface
    interface Check<E> {
        void check(E expected, long[] xs, String where);
    }

    static <E> void run(Sim<?> sim, RawPort[] in, RawPort inValid, RawPort outValid, boolean signed, int width, int latency,
                        int vectors, Random rnd, Object config, Function<long[], E> model, Check<E> check) {
        record Expect<E>(E value, boolean valid, long[] xs) {}
        ArrayDeque<Expect<E>> pipe = new ArrayDeque<>();
        for (int v = 0; v < vectors; v++) {
            long[] xs = new long[in.length];
            for (int i = 0; i < in.length; i++) {
                xs[i] = RandomRaw.next(rnd, signed, width);
                in[i].set(xs[i]);
            }
            boolean valid = rnd.nextBoolean();
            inValid.set(valid);
            pipe.add(new Expect<>(model.apply(xs), valid, xs));
            if (pipe.size() > latency) {                       // the vector of `latency` cycles ago is at the output
                Expect<E> e = pipe.poll();
                String where = config + " cycle " + v + ", inputs " + Arrays.toString(e.xs());
                check.check(e.value(), e.xs(), where);
                assertEquals(e.valid(), outValid.bit(), where + ": outValid");
            }
            sim.cycle();
        }
    }
}
