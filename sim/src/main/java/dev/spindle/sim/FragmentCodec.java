package dev.spindle.sim;

/** A {@code Fragment}: its first leaf is {@code last}, the rest the fragment. */
final class FragmentCodec<V> extends Codec<FragmentBeat<V>> {
    private final Codec<V> inner;

    FragmentCodec(Codec<V> inner) {
        super("FragmentBeat<" + inner.type() + ">", withLast(inner.widths()));
        this.inner = inner;
    }

    private static int[] withLast(int[] widths) {
        int[] w = new int[widths.length + 1];
        w[0] = 1;
        System.arraycopy(widths, 0, w, 1, widths.length);
        return w;
    }

    @Override void check(Object v, SimPort[] p, int at) {
        if (!(v instanceof FragmentBeat<?> b)) throw wrongType(v, p, at);
        inner.check(b.fragment(), p, at + 1);
    }

    @Override void write(FragmentBeat<V> v, SimPort[] p, int at) {
        p[at].setRaw(v.last() ? 1 : 0);
        inner.write(v.fragment(), p, at + 1);
    }

    @Override public FragmentBeat<V> random(java.util.Random r) { return new FragmentBeat<>(inner.random(r), r.nextBoolean()); }

    @Override boolean matches(FragmentBeat<V> v, SimPort[] p, int at) {
        return v != null && (p[at].raw() != 0) == v.last() && inner.matches(v.fragment(), p, at + 1);
    }

    @Override FragmentBeat<V> read(SimPort[] p, int at) {
        return new FragmentBeat<>(inner.read(p, at + 1), p[at].raw() != 0);
    }
}
