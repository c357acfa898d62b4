package dev.spindle.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command that measures one point: {@code prefix + [K, DIR]}. From the launcher it is
 * {@code scripts/spindle sweep --point K DIR}; from a plain Java program, this JVM's own {@code java} and class
 * path running {@link PointMain}.
 */
public record PointCommand(List<String> prefix) {
    public PointCommand { prefix = List.copyOf(prefix); }

    public List<String> forPoint(int index, Path dir) {
        List<String> c = new ArrayList<>(prefix);
        c.add(Integer.toString(index));
        c.add(dir.toString());
        return c;
    }

    /** The launcher when {@code SPINDLE_ROOT} names a checkout that has one, else this JVM. */
    public static PointCommand current() {
        String root = System.getenv("SPINDLE_ROOT");
        if (root != null) {
            Path launcher = Path.of(root, "scripts", "spindle");
            if (Files.isExecutable(launcher)) return new PointCommand(List.of(launcher.toString(), "sweep", "--point"));
        }
        return thisJvm();
    }

    public static PointCommand thisJvm() {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return new PointCommand(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xss8m", "-cp",
                System.getProperty("java.class.path"), PointMain.class.getName(), "--point"));
    }
}
