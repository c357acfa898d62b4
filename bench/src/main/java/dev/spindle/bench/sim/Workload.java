package dev.spindle.bench.sim;

import dev.spindle.sim.Sim;
import dev.spindle.sim.verilator.NativeBenchmark;

/**
 * A design of the simulation benchmark with its stimulus written twice: in Java over typed {@link Sim} handles, and
 * in C++ for {@link NativeBenchmark}. Both start from the model as {@code Sim.of} leaves it (after one reset cycle)
 * and, for the same number of cycles, compute the same checksum.
 */
public sealed interface Workload extends AutoCloseable permits SmallTestbench, MacTestbench, BtagTestbench {

    /** The simulation, open. */
    Sim<?> sim();

    /** Runs cycles {@code 0 .. cycles-1} of the stimulus in Java (one {@code cycle()} each); returns the checksum. */
    long run(long cycles);

    /** The same stimulus and checksum in C++. */
    NativeBenchmark.Loop cppLoop();

    @Override void close();
}
