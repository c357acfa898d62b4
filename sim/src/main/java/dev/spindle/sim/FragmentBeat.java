package dev.spindle.sim;

/**
 * One beat of a {@code Stream<Fragment<T>>} as a Java value: the fragment's value (as {@link Codec} gives it for
 * {@code T}, e.g. {@code long[]} for a {@code Vec}) and the {@code last} flag that ends its packet. Equality and
 * text look inside arrays, so beats compare by content in a {@link Scoreboard}.
 */
public record FragmentBeat<V>(V fragment, boolean last) {
    public static <V> FragmentBeat<V> of(V fragment, boolean last) { return new FragmentBeat<>(fragment, last); }

    @Override public boolean equals(Object o) {
        return o instanceof FragmentBeat<?> b && last == b.last && Values.equal(fragment, b.fragment);
    }

    @Override public int hashCode() { return Values.hash(fragment) * 31 + (last ? 1 : 0); }

    @Override public String toString() { return Values.show(fragment) + (last ? " last" : ""); }
}
