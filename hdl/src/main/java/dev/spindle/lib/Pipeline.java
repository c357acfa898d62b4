package dev.spindle.lib;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Data;
import dev.spindle.hdl.Hdl;
import dev.spindle.hdl.Require;

import java.util.ArrayList;
import java.util.List;

/**
 * The registers of a pipeline that advances on one clock enable: while {@link #enable()} is low every stage keeps
 * its value, so the whole pipeline stalls as one (back-pressure from its output, for example) and nothing is lost.
 * A generator builds its stages through one {@code Pipeline} instead of repeating {@code RegNextWhen(x, ce)}:
 *
 * <pre>{@code
 * Pipeline pipe = new Pipeline(ce);
 * Bool valid1 = pipe.valid(inValid);        // control: reset to 0, so no beat appears from nowhere after reset
 * SInt d = pipe.stage(max.subExpand(x));    // data: no reset
 * UInt prod = pipe.stages(a.mul(b), 2);     // a two-register (DSP) product
 * UInt rowSum = pipe.hold(acc, rowDone);    // held for the next row while the pipeline moves on
 * }</pre>
 *
 * <p><b>Latency</b>: {@link #stage} and {@link #valid} are one enabled cycle, {@link #stages}/{@link #valid(Bool, int)}
 * {@code n}; cycles in which the enable is low do not count. Throughput: one value per enabled cycle. The registers
 * belong to the clock domain current when they are made, and take the names the calling code gives them.
 */
public final class Pipeline {
    private final Bool enable;

    /** A pipeline whose registers load while {@code enable} holds. */
    public Pipeline(Bool enable) {
        Require.nonNull("enable", enable);
        this.enable = enable;
    }

    /** The clock enable: high in the cycles in which the pipeline advances. */
    public Bool enable() { return enable; }

    /** One data stage: {@code value}, registered when the pipeline advances (no reset). */
    public <T extends Data> T stage(T value) { return Hdl.RegNextWhen(value, enable); }

    /** {@code n >= 0} data stages in a row ({@code n = 0}: {@code value} itself). */
    public <T extends Data> T stages(T value, int n) {
        Require.range("stages", n, 0, 1 << 16);
        T v = value;
        for (int i = 0; i < n; i++) v = stage(v);
        return v;
    }

    /** One data stage for each of {@code values}, in order. */
    public <T extends Data> List<T> stage(List<T> values) {
        List<T> out = new ArrayList<>(values.size());
        for (T v : values) out.add(stage(v));
        return out;
    }

    /** {@code n >= 0} data stages for each of {@code values}. */
    public <T extends Data> List<T> stages(List<T> values, int n) {
        List<T> out = new ArrayList<>(values.size());
        for (T v : values) out.add(stages(v, n));
        return out;
    }

    /** One control stage: a flag register reset to 0 (a valid bit, a row-done pulse). */
    public Bool valid(Bool flag) { return Hdl.RegNextWhen(flag, enable, Bool.lit(false)); }

    /** {@code n >= 0} control stages in a row. */
    public Bool valid(Bool flag, int n) {
        Require.range("stages", n, 0, 1 << 16);
        Bool v = flag;
        for (int i = 0; i < n; i++) v = valid(v);
        return v;
    }

    /** A register that takes {@code value} when the pipeline advances and {@code load} holds, and keeps it otherwise. */
    public <T extends Data> T hold(T value, Bool load) { return Hdl.RegNextWhen(value, enable.and(load)); }
}
