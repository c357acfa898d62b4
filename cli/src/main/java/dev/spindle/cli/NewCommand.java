package dev.spindle.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * {@code spindle new <dir> [--package NAME]}: writes a project of the user's own that depends on Spindle: a
 * {@code pom.xml} whose parent is {@code dev.spindle:spindle-project}, the Maven Wrapper, one component with a
 * {@code Config} record, its bit-exact model, a {@code @SpindleSim} test over three configurations, and a README.
 * The project is written beside {@code <dir>} and moved into place, so a failure leaves nothing half-written.
 */
@Command(name = "new", mixinStandardHelpOptions = true, description = "Write a new project that uses Spindle as a library.")
final class NewCommand implements Callable<Integer> {
    private static final Pattern PACKAGE = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*");
    private static final Pattern ARTIFACT = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Set<String> KEYWORDS = Set.of("abstract", "boolean", "byte", "case", "catch", "char", "class",
            "const", "default", "do", "double", "else", "enum", "final", "float", "for", "goto", "if", "import", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short", "static",
            "super", "switch", "this", "throw", "try", "void", "while", "true", "false", "null");
    private static final String TEMPLATES = "/dev/spindle/cli/project/";

    @Parameters(index = "0", paramLabel = "<dir>", description = "the project directory (must not exist, or be empty)")
    Path dir;

    @Option(names = "--package", paramLabel = "NAME", defaultValue = "com.example", description = "Java package and groupId (default: com.example)")
    String packageName;

    @Override
    public Integer call() throws IOException {
        if (!PACKAGE.matcher(packageName).matches() || Set.of(packageName.split("\\.")).stream().anyMatch(KEYWORDS::contains)) {
            throw new IllegalArgumentException("--package " + packageName + " is not a Java package name: lower-case words separated by '.', e.g. com.example");
        }
        Path target = dir.toAbsolutePath().normalize();
        String artifact = target.getFileName().toString();
        if (!ARTIFACT.matcher(artifact).matches()) {
            throw new IllegalArgumentException("<dir> " + dir + ": its name '" + artifact + "' becomes the artifactId: use lower-case letters, digits, '.', '_' and '-'");
        }
        if (Files.exists(target) && (!Files.isDirectory(target) || hasEntries(target))) {
            throw new IllegalArgumentException("<dir> " + dir + " already exists and is not an empty directory");
        }
        Map<String, String> vars = Map.of("@package@", packageName, "@artifact@", artifact, "@spindle.version@", resource("spindle.version").strip());
        String src = packageName.replace('.', '/');
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pom.xml", fill(resource("pom.xml.txt"), vars));
        files.put("README.md", fill(resource("README.md.txt"), vars));
        files.put(".gitignore", resource("gitignore.txt"));
        files.put("mvnw", resource("mvnw"));
        files.put(".mvn/wrapper/maven-wrapper.properties", resource(".mvn/wrapper/maven-wrapper.properties"));
        files.put(".mvn/jvm.config", resource(".mvn/jvm.config"));
        files.put("src/main/java/" + src + "/Accumulator.java", fill(resource("Accumulator.java.txt"), vars));
        files.put("src/main/java/" + src + "/AccumulatorModel.java", fill(resource("AccumulatorModel.java.txt"), vars));
        files.put("src/test/java/" + src + "/AccumulatorTest.java", fill(resource("AccumulatorTest.java.txt"), vars));

        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + artifact + ".new-");
        try {
            for (var f : files.entrySet()) {
                Path p = staging.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
            }
            staging.resolve("mvnw").toFile().setExecutable(true, false);
            staging.toFile().setReadable(true, false);   // a temporary directory starts as owner-only
            staging.toFile().setExecutable(true, false);
            if (Files.exists(target)) Files.delete(target);  // empty, checked above
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteTree(staging);
            throw e;
        }
        System.out.println("spindle: wrote " + dir + " (" + files.size() + " files): " + packageName + ".Accumulator, its model and its test");
        System.out.println("  cd " + dir + " && ./mvnw -B -q test");
        return 0;
    }

    private static boolean hasEntries(Path d) throws IOException {
        try (var entries = Files.list(d)) {
            return entries.findAny().isPresent();
        }
    }

    private static String fill(String template, Map<String, String> vars) {
        String out = template;
        for (var v : vars.entrySet()) out = out.replace(v.getKey(), v.getValue());
        return out;
    }

    private static String resource(String name) {
        try (InputStream in = NewCommand.class.getResourceAsStream(TEMPLATES + name)) {
            if (in == null) throw new IllegalStateException("the spindle new template " + name + " is missing from the CLI's build");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path d) {
        try (var paths = Files.walk(d)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover staging directory (hidden, beside <dir>) is harmless.
        }
    }
}
