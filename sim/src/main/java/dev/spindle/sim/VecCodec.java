package dev.spindle.sim;

import dev.spindle.hdl.BaseType;
import dev.spindle.hdl.Data;
import dev.spindle.hdl.FixFormat;
import dev.spindle.hdl.SFix;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.UFix;
import dev.spindle.hdl.Vec;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A {@code Vec}: {@code long[]} of raw integers, {@code double[]} of real values, or a {@code List} of element values. */
final class VecCodec {
    private VecCodec() {}

    static Codec<?> of(Vec<?> vec, boolean real) {
        if (real) return doubles(vec);
        boolean narrowLeaves = true;
        for (Data e : vec) narrowLeaves &= e instanceof BaseType b && b.width() <= 64;
        return narrowLeaves ? longs(vec) : list(vec);
    }

    static Codec<long[]> longs(Vec<?> vec) {
        int n = vec.size();
        boolean[] signed = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (!(vec.get(i) instanceof BaseType b) || b.width() > 64) {
                throw new IllegalArgumentException("a long[] needs a Vec of leaves of at most 64 bits, element " + i + " is a "
                        + vec.get(i).getClass().getSimpleName() + " of " + vec.get(i).totalWidth() + " bits");
            }
            signed[i] = b instanceof SInt || b instanceof SFix;
        }
        return new Longs(Codec.widthsOf(vec), signed);
    }

    static Codec<double[]> doubles(Vec<?> vec) {
        FixFormat[] formats = new FixFormat[vec.size()];
        for (int i = 0; i < formats.length; i++) {
            formats[i] = switch (vec.get(i)) {
                case SFix s -> s.format();
                case UFix u -> u.format();
                default -> throw new IllegalArgumentException("a double[] needs a Vec of SFix or UFix, element " + i + " is a "
                        + vec.get(i).getClass().getSimpleName());
            };
        }
        return new Doubles(Codec.widthsOf(vec), formats);
    }

    static Codec<List<Object>> list(Vec<?> vec) {
        List<Codec<?>> elements = new ArrayList<>();
        for (Data e : vec) elements.add(Codec.derive(e));
        return new Elements(Codec.widthsOf(vec), elements);
    }

    static void checkLength(int length, int size, SimPort[] p, int at) {
        if (length != size) {
            throw new IllegalArgumentException(p[at].name() + ": the Vec has " + size + " elements, the value " + length);
        }
    }

    static final class Longs extends Codec<long[]> {
        private final int[] widths;
        private final boolean[] signed;

        Longs(int[] widths, boolean[] signed) {
            super("long[" + widths.length + "]", widths);
            this.widths = widths;
            this.signed = signed;
        }

        @Override void check(Object v, SimPort[] p, int at) {
            if (!(v instanceof long[] a)) throw wrongType(v, p, at);
            checkLength(a.length, widths.length, p, at);
            for (int i = 0; i < a.length; i++) LeafCodec.checkRange(a[i], widths[i], signed[i], p[at + i].name());
        }

        @Override void write(long[] v, SimPort[] p, int at) {
            for (int i = 0; i < v.length; i++) p[at + i].setRaw(v[i]);
        }

        @Override public long[] random(Random r) {
            long[] v = new long[widths.length];
            for (int i = 0; i < v.length; i++) v[i] = LeafCodec.randomBits(r, widths[i], signed[i]);
            return v;
        }

        @Override boolean matches(long[] v, SimPort[] p, int at) {
            if (v == null || v.length != widths.length) return false;
            for (int i = 0; i < v.length; i++) if (v[i] != LeafCodec.extend(p[at + i].raw(), widths[i], signed[i])) return false;
            return true;
        }

        @Override long[] read(SimPort[] p, int at) {
            long[] v = new long[widths.length];
            for (int i = 0; i < v.length; i++) v[i] = LeafCodec.extend(p[at + i].raw(), widths[i], signed[i]);
            return v;
        }
    }

    static final class Doubles extends Codec<double[]> {
        private final FixFormat[] formats;

        Doubles(int[] widths, FixFormat[] formats) {
            super("double[" + widths.length + "]", widths);
            this.formats = formats;
        }

        @Override void check(Object v, SimPort[] p, int at) {
            if (!(v instanceof double[] a)) throw wrongType(v, p, at);
            checkLength(a.length, formats.length, p, at);
        }

        @Override void write(double[] v, SimPort[] p, int at) {
            for (int i = 0; i < v.length; i++) p[at + i].setRaw(formats[i].fromDouble(v[i]));
        }

        @Override public double[] random(Random r) {
            double[] v = new double[formats.length];
            for (int i = 0; i < v.length; i++) v[i] = formats[i].toDouble(LeafCodec.randomBits(r, formats[i].width(), formats[i].signed()));
            return v;
        }

        @Override double[] read(SimPort[] p, int at) {
            double[] v = new double[formats.length];
            for (int i = 0; i < v.length; i++) {
                FixFormat f = formats[i];
                v[i] = f.toDouble(LeafCodec.extend(p[at + i].raw(), f.width(), f.signed()));
            }
            return v;
        }
    }

    /** Element by element, each through its own codec. */
    static final class Elements extends Codec<List<Object>> {
        private final List<Codec<?>> elements;

        Elements(int[] widths, List<Codec<?>> elements) {
            super("List<" + elements.getFirst().type() + ">[" + elements.size() + "]", widths);
            this.elements = elements;
        }

        @Override void check(Object v, SimPort[] p, int at) {
            if (!(v instanceof List<?> list)) throw wrongType(v, p, at);
            checkLength(list.size(), elements.size(), p, at);
            for (int i = 0; i < list.size(); i++) {
                elements.get(i).check(list.get(i), p, at);
                at += elements.get(i).leaves();
            }
        }

        @Override @SuppressWarnings("unchecked")
        void write(List<Object> v, SimPort[] p, int at) {
            for (int i = 0; i < v.size(); i++) {
                Codec<Object> c = (Codec<Object>) elements.get(i);
                c.write(v.get(i), p, at);
                at += c.leaves();
            }
        }

        @Override public List<Object> random(Random r) {
            List<Object> v = new ArrayList<>(elements.size());
            for (Codec<?> c : elements) v.add(c.random(r));
            return v;
        }

        @Override List<Object> read(SimPort[] p, int at) {
            List<Object> v = new ArrayList<>(elements.size());
            for (Codec<?> c : elements) {
                v.add(c.read(p, at));
                at += c.leaves();
            }
            return v;
        }
    }
}
