package dev.spindle.sweep;

import java.nio.file.Path;

/** {@code PointMain --point K DIR}: measures point K of the sweep in DIR and writes its result file. */
public final class PointMain {
    private PointMain() {}

    public static void main(String[] args) {
        if (args.length != 3 || !args[0].equals("--point")) {
            System.err.println("usage: PointMain --point K DIR");
            System.exit(2);
        }
        System.exit(Sweep.runPoint(Path.of(args[2]), Integer.parseInt(args[1])));
    }
}
