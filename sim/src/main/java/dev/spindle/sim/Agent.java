package dev.spindle.sim;

/**
 * Something that acts on the design once per clock cycle (a stream driver, a monitor). Every cycle, in
 * registration order: {@link #drive} sets inputs for the coming edge, the model settles, then {@link #sample}
 * observes what will happen at the edge (e.g. which words fire).
 */
public interface Agent {
    void drive(long cycle);

    void sample(long cycle);
}
