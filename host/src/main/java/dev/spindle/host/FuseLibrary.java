package dev.spindle.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The emulated device's FUSE layer ({@code xdmafs.c}, a resource of this module), compiled against libfuse3 on
 * first use and cached by the hash of its source under {@code ~/.cache/spindle/fuse/<hash>/} (beside the Verilator
 * cache; {@code SPINDLE_CACHE} moves both), then loaded into the JVM: FUSE's threads call back into Java through
 * FFM upcalls. C keeps libfuse's structures on its side of the line; Java sees four plain function pointers.
 */
final class FuseLibrary {
    private static FuseLibrary loaded;

    final MethodHandle run;
    final MethodHandle stop;

    private FuseLibrary(Path so) {
        SymbolLookup lib = SymbolLookup.libraryLookup(so, Arena.global());
        Linker linker = Linker.nativeLinker();
        run = linker.downcallHandle(lib.find("xdmafs_run").orElseThrow(), FunctionDescriptor.of(ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS));
        stop = linker.downcallHandle(lib.find("xdmafs_stop").orElseThrow(), FunctionDescriptor.ofVoid());
    }

    static synchronized FuseLibrary load() {
        if (loaded == null) loaded = new FuseLibrary(build());
        return loaded;
    }

    private static Path build() {
        String source;
        try (InputStream in = FuseLibrary.class.getResourceAsStream("xdmafs.c")) {
            if (in == null) throw new IllegalStateException("xdmafs.c is missing from the host module's resources");
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String hash = sha(source).substring(0, 16);
        String env = System.getenv("SPINDLE_CACHE");
        Path root = env != null && !env.isBlank() ? Path.of(env).resolveSibling("fuse") : Path.of(System.getProperty("user.home"), ".cache", "spindle", "fuse");
        Path so = root.resolve(hash).resolve("libspindle-xdmafs.so");
        if (Files.exists(so)) {
            System.err.println("spindle: fuse library cache hit (hash " + hash.substring(0, 8) + ")");
            return so;
        }
        if (!Files.exists(Path.of("/usr/include/fuse3/fuse.h"))) {
            throw new IllegalStateException("the emulated XDMA device needs libfuse3's headers: run scripts/setup (or: sudo apt-get install -y fuse3 libfuse3-dev pkg-config)");
        }
        long start = System.nanoTime();
        System.err.println("spindle: cc xdmafs (hash " + hash.substring(0, 8) + ") ...");
        try {
            Files.createDirectories(so.getParent());
            Path src = Files.createTempFile(so.getParent(), "xdmafs", ".c");
            Path tmp = Files.createTempFile(so.getParent(), "libspindle-xdmafs", ".so.tmp");
            Files.writeString(src, source);
            List<String> cmd = new ArrayList<>(List.of("cc", "-shared", "-fPIC", "-O2", "-Wall", "-Wextra", "-Werror", "-I/usr/include/fuse3",
                    "-o", tmp.toString(), src.toString(), "-lfuse3", "-lpthread"));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("compiling xdmafs.c failed (" + String.join(" ", cmd) + "):\n" + output
                        + "\ninstall the tool chain and libfuse3 with scripts/setup (or: sudo apt-get install -y gcc fuse3 libfuse3-dev)");
            }
            Files.move(tmp, so, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(src);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling xdmafs.c", e);
        }
        System.err.printf("spindle: cc xdmafs (hash %s) done in %.1f s%n", hash.substring(0, 8), (System.nanoTime() - start) / 1e9);
        return so;
    }

    private static String sha(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
