package dev.spindle.nn;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.UInt;
import dev.spindle.hdl.Vec;

import java.util.ArrayList;
import java.util.List;

import static dev.spindle.hdl.Hdl.False;
import static dev.spindle.hdl.Hdl.RegInit;
import static dev.spindle.hdl.Hdl.True;
import static dev.spindle.hdl.Hdl.log2Up;
import static dev.spindle.hdl.Hdl.mux;
import static dev.spindle.hdl.Hdl.when;

/** Small pieces {@link MultiHeadAttention} builds several of: wrapping counters, token buffers, selections. */
final class MultiHeadAttentionParts {
    private MultiHeadAttentionParts() {}

    /** A counter over {@code 0..n-1} that steps when {@code step} holds and wraps after {@code last}. */
    record Counter(UInt value, Bool last) {
        static Counter of(String name, int n, Bool step) {
            UInt v = RegInit(UInt.lit(0, log2Up(n))).named(name);
            Bool last = n == 1 ? True() : v.eq(n - 1);
            when(step, () -> v.assign(mux(last, UInt.lit(0, v.width()), v.add(1))));
            return new Counter(v, last);
        }
    }

    /**
     * Registers for the {@code rows} vectors of one sequence (token order) of a projection's output stream, which is
     * always ready; {@code count} is the number stored, back to 0 on {@code clear}.
     */
    record TokenBuffer(List<List<SInt>> rows, UInt count, Bool full) {
        static TokenBuffer of(String name, int rows, int width, dev.spindle.lib.stream.Stream<Vec<SInt>> source, Bool clear) {
            source.ready.assign(True());
            List<SInt> payload = new ArrayList<>();
            for (int i = 0; i < source.payload.size(); i++) payload.add(source.payload.get(i));
            return of(name, rows, width, source.fire(), payload, clear);
        }

        /** Registers for the {@code rows} vectors {@code payload} of one sequence, one stored each cycle {@code fire} holds. */
        static TokenBuffer of(String name, int rows, int width, Bool fire, List<SInt> payload, Bool clear) {
            UInt count = RegInit(UInt.lit(0, log2Up(rows + 1L))).named(name + "_count");
            when(clear, () -> count.assign(UInt.lit(0, count.width())))
                    .elseWhen(fire, () -> count.assign(count.add(1)));
            List<List<SInt>> r = new ArrayList<>();
            for (int t = 0; t < rows; t++) {
                List<SInt> row = new ArrayList<>();
                Bool here = fire.and(count.eq(t));
                for (int i = 0; i < payload.size(); i++) {
                    SInt reg = dev.spindle.hdl.Hdl.Reg(SInt.type(width)).named(name + "_" + t + "_" + i);
                    SInt in = payload.get(i);
                    when(here, () -> reg.assign(in));
                    row.add(reg);
                }
                r.add(row);
            }
            return new TokenBuffer(r, count, count.eq(rows));
        }

        /** The same registers with each row repeated {@code heads} times (row {@code head·n + i} is element i), as a projection's heads lay them out. */
        TokenBuffer perHead(int heads) {
            List<List<SInt>> r = new ArrayList<>();
            for (List<SInt> row : rows) {
                List<SInt> wide = new ArrayList<>();
                for (int h = 0; h < heads; h++) wide.addAll(row);
                r.add(wide);
            }
            return new TokenBuffer(r, count, full);
        }
    }

    /** {@code options[index]} by a multiplexer tree (the option itself when there is one). */
    static SInt pick(List<SInt> options, UInt index) {
        if (options.size() == 1) return options.getFirst();
        Vec<SInt> v = Vec.of(SInt.type(options.getFirst().width()), options.size());
        for (int i = 0; i < options.size(); i++) v.get(i).assign(options.get(i));
        return v.read(index);
    }

    /** A flag set by {@code set} and cleared by {@code clear} (set wins). */
    static Bool flag(String name, Bool set, Bool clear) {
        Bool f = RegInit(False()).named(name);
        when(set, () -> f.assign(True())).elseWhen(clear, () -> f.assign(False()));
        return f;
    }
}
