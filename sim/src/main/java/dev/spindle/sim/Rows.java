package dev.spindle.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Rows (packets) of numbers carried as beats of a {@code Stream<Fragment<Vec<…>>>}, {@code lanes} elements a beat. */
public final class Rows {
    private Rows() {}

    /** The beats of {@code row}: elements {@code [b*lanes, (b+1)*lanes)} in beat {@code b}, {@code last} on the final one. */
    public static List<FragmentBeat<long[]>> beats(long[] row, int lanes) {
        if (lanes < 1 || row.length == 0 || row.length % lanes != 0) {
            throw new IllegalArgumentException("a row of " + row.length + " elements is not a whole number of beats of " + lanes + " lanes");
        }
        int n = row.length / lanes;
        List<FragmentBeat<long[]>> beats = new ArrayList<>(n);
        for (int b = 0; b < n; b++) beats.add(new FragmentBeat<>(Arrays.copyOfRange(row, b * lanes, (b + 1) * lanes), b == n - 1));
        return beats;
    }

    /** A beat listener that joins the beats of each packet into one row and passes it on at its {@code last} beat. */
    public static Beat.Listener<FragmentBeat<long[]>> collect(Beat.Listener<long[]> rows) {
        return new Beat.Listener<>() {
            private long[] row = new long[0];

            @Override
            public void beat(FragmentBeat<long[]> beat, long cycle) {
                long[] f = beat.fragment();
                long[] next = Arrays.copyOf(row, row.length + f.length);
                System.arraycopy(f, 0, next, row.length, f.length);
                row = next;
                if (beat.last()) {
                    rows.beat(row, cycle);
                    row = new long[0];
                }
            }
        };
    }
}
