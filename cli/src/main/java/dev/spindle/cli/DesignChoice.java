package dev.spindle.cli;

import dev.spindle.design.Design;
import dev.spindle.design.Designs;
import dev.spindle.design.TopClasses;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The design a command works on: a registered one by name, or a top class of the user's own project
 * ({@code --class com.example.MyTop}, loaded from {@code --classpath}, by default {@code target/classes}).
 */
final class DesignChoice {
    @Parameters(index = "0", arity = "0..1", paramLabel = "<design>", description = "design name (see spindle generate --list)")
    String name;

    @Option(names = "--class", paramLabel = "CLASS", description = "a top class of your own project instead of <design>, e.g. com.example.MyTop")
    String topClass;

    @Option(names = "--classpath", paramLabel = "PATH", split = ":", description = "where --class is found (default: target/classes)")
    List<Path> classpath = new ArrayList<>();

    /** The chosen design, and the class loader of a user's class (closed with it). */
    record Chosen(Design<?, ?> design, URLClassLoader loader) implements AutoCloseable {
        @Override public void close() {
            if (loader == null) return;
            try {
                loader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    boolean given() { return name != null || topClass != null; }

    Chosen resolve() {
        if (name != null && topClass != null) throw new IllegalArgumentException("give <design> or --class, not both");
        if (topClass == null) {
            if (name == null) throw new IllegalArgumentException("missing <design> (see spindle generate --list) or --class CLASS");
            return new Chosen(Designs.get(name), null);
        }
        List<Path> paths = classpath.isEmpty() ? List.of(Path.of("target", "classes")) : classpath;
        List<URL> urls = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new IllegalArgumentException("--classpath " + p + " does not exist" + (classpath.isEmpty()
                        ? " (the default; build your project first, e.g. ./mvnw -q compile, or give --classpath)" : ""));
            }
            try {
                urls.add(p.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("--classpath " + p + ": " + e.getMessage());
            }
        }
        URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), DesignChoice.class.getClassLoader());
        try {
            return new Chosen(TopClasses.design(Class.forName(topClass, true, loader)), loader);
        } catch (ClassNotFoundException e) {
            close(loader);
            throw new IllegalArgumentException("--class " + topClass + " not found in " + paths);
        } catch (RuntimeException e) {
            close(loader);
            throw e;
        }
    }

    private static void close(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // Nothing was loaded through it that needs releasing.
        }
    }
}
