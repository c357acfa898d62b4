package dev.spindle.bench;

/**
 * The bit-exact model of {@link ElabChain}: what its registers hold after each clock edge, computed straight from
 * the definition with {@code int} arithmetic masked to 16 bits. Other HDLs can check that they built the same
 * circuit by comparing {@code out} over a stimulus (the lint-and-simulate test does so for Spindle's Verilog).
 */
public final class ElabChainModel {
    private static final int MASK = (1 << ElabChain.WIDTH) - 1;

    private final int n;
    private int[] r;
    private int[] next;

    public ElabChainModel(ElabChain.Config c) {
        n = c.n();
        r = new int[n];
        next = new int[n];
    }

    /** One rising clock edge with inputs {@code in} and {@code en}. */
    public void step(int in, boolean en) {
        if (!en) return;
        next[0] = in & MASK;
        for (int i = 1; i < n; i++) {
            int a = r[i - 1];
            int b = r[ElabChain.index(i, 7919, n)];
            int c = r[ElabChain.index(i, 104729, n)];
            int d = r[i / 2];
            next[i] = ((a + b) ^ ((c >>> 1) - d)) & MASK;
        }
        int[] t = r;
        r = next;
        next = t;
    }

    /** {@code out = r[N-1]}. */
    public int out() { return r[n - 1]; }
}
