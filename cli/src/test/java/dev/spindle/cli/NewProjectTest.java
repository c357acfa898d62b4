package dev.spindle.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code spindle new} writes a project whose tests pass offline, built by its own Maven Wrapper against a private
 * local repository: Spindle's artifacts from this build, every other artifact linked from the build's repository.
 * With its model broken, the same tests fail with the seed and a waveform.
 */
class NewProjectTest {
    @TempDir Path dir;

    @Test
    void aNewProjectPassesItsTestsOfflineAndFailsWhenItsModelIsBroken() throws Exception {
        Path project = dir.resolve("my-accel");
        SpindleCliTest.Run wrote = SpindleCliTest.run("new", project.toString(), "--package", "org.acme.accel");
        assertEquals(0, wrote.exit(), wrote.out() + wrote.err());
        for (String f : List.of("pom.xml", "mvnw", ".mvn/wrapper/maven-wrapper.properties", "README.md",
                "src/main/java/org/acme/accel/Accumulator.java", "src/main/java/org/acme/accel/AccumulatorModel.java",
                "src/test/java/org/acme/accel/AccumulatorTest.java")) {
            assertTrue(Files.exists(project.resolve(f)), f);
        }
        assertEquals(3, Files.readAllLines(project.resolve("README.md")).stream().filter(l -> l.startsWith("- ") || l.startsWith("# ")).count());
        Path repo = privateRepository(dir.resolve("repo"));

        Build passing = mvnw(project, repo);
        assertEquals(0, passing.exit(), passing.output());
        String report = Files.readString(project.resolve("target/surefire-reports/TEST-org.acme.accel.AccumulatorTest.xml"));
        assertTrue(report.contains("tests=\"3\"") && report.contains("failures=\"0\""), report);

        Path model = project.resolve("src/main/java/org/acme/accel/AccumulatorModel.java");
        Files.writeString(model, Files.readString(model).replace("(total + input) & mask", "(total + input + 1) & mask"));
        Build failing = mvnw(project, repo);
        assertNotEquals(0, failing.exit(), failing.output());
        assertTrue(failing.output().contains("[spindle] seed="), failing.output());
        assertTrue(failing.output().contains(".fst"), failing.output());

        SpindleCliTest.Run again = SpindleCliTest.run("new", project.toString());
        assertEquals(2, again.exit());
        assertTrue(again.err().contains("already exists and is not an empty directory"), again.err());
    }

    record Build(int exit, String output) {}

    /** {@code ./mvnw -B -q -o test} in {@code project}, on this JDK, with {@code repo} as the local repository. */
    private static Build mvnw(Path project, Path repo) throws IOException, InterruptedException {
        Path log = project.resolve("build.log");
        ProcessBuilder pb = new ProcessBuilder("./mvnw", "-B", "-q", "-o", "-Dmaven.repo.local=" + repo, "test")
                .directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("MAVEN_ARGS");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the generated project's build did not finish in 10 minutes:\n" + Files.readString(log));
        }
        return new Build(p.exitValue(), Files.readString(log));
    }

    /**
     * A local repository of its own: this build's Spindle POMs and jars under {@code dev/spindle}, everything else a
     * link into the build's repository (so nothing is downloaded, and nothing of Spindle's is taken from an older install).
     */
    private static Path privateRepository(Path repo) throws IOException {
        Path shared = Path.of(System.getProperty("spindle.test.repository", System.getProperty("user.home") + "/.m2/repository"));
        Path root = Path.of("..").toAbsolutePath().normalize();   // surefire runs in cli/
        assertTrue(Files.isRegularFile(root.resolve("project/pom.xml")), "not run from the Spindle build: " + root);
        Files.createDirectories(repo.resolve("dev/spindle"));
        linkAllBut(shared, repo, "dev");
        if (Files.isDirectory(shared.resolve("dev"))) linkAllBut(shared.resolve("dev"), repo.resolve("dev"), "spindle");
        String version = resourceVersion();
        install(repo, "spindle-parent", version, root.resolve("pom.xml"), null);
        install(repo, "spindle-project", version, root.resolve("project/pom.xml"), null);
        for (String module : List.of("hdl", "sim")) {
            Path jar = root.resolve(module + "/target/spindle-" + module + "-" + version + ".jar");
            assertTrue(Files.isRegularFile(jar), jar + " is missing: run the tests from the root build (./mvnw verify)");
            install(repo, "spindle-" + module, version, root.resolve(module + "/pom.xml"), jar);
        }
        return repo;
    }

    private static void linkAllBut(Path from, Path to, String except) throws IOException {
        try (var entries = Files.list(from)) {
            for (Path e : (Iterable<Path>) entries::iterator) {
                if (!e.getFileName().toString().equals(except)) Files.createSymbolicLink(to.resolve(e.getFileName().toString()), e);
            }
        }
    }

    private static void install(Path repo, String artifact, String version, Path pom, Path jar) throws IOException {
        Path d = repo.resolve("dev/spindle/" + artifact + "/" + version);
        Files.createDirectories(d);
        Files.copy(pom, d.resolve(artifact + "-" + version + ".pom"));
        if (jar != null) Files.copy(jar, d.resolve(artifact + "-" + version + ".jar"));
    }

    private static String resourceVersion() throws IOException {
        try (var in = NewCommand.class.getResourceAsStream("/dev/spindle/cli/project/spindle.version")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        }
    }
}
