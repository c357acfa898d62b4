package dev.spindle.hdl.naming;

import dev.spindle.design.Designs;
import dev.spindle.hdl.verilog.Lint;
import dev.spindle.hdl.verilog.Manifest;
import dev.spindle.hdl.verilog.VerilogBackend;
import dev.spindle.hdl.verilog.VerilogOutput;
import dev.spindle.nn.Softmax;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.LineNumber;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The acceptance figure of the names: {@code spindle generate softmax --set length=16 --set lanes=4}, each algorithm.
 * At least 90% of the reg/wire/memory declarations have an origin other than "temporary" (a name from the Java
 * source), every reg and memory among them; no source comment points at a line outside the constructor (inside a
 * helper) without the calling line beside it; and the Verilog is lint-clean.
 */
class SoftmaxNamesTest {
    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"EXP_TABLE", "BASE2", "SHIFTMAX"})
    void namesComeFromTheJavaSource(String algorithm) throws IOException {
        VerilogOutput out = VerilogBackend.emit(Designs.get("softmax").elaborate(Map.of("length", "16", "lanes", "4", "algorithm", algorithm)));
        List<Manifest.Declaration> decls = out.manifest().declarations();
        List<String> temporaries = new ArrayList<>();
        for (Manifest.Declaration d : decls) {
            if (!d.origin().equals("temporary")) continue;
            temporaries.add(d.name());
            assertEquals("wire", d.kind(), "a " + d.kind() + " without a name from the Java source: " + d.name());
        }
        double named = 100.0 * (decls.size() - temporaries.size()) / decls.size();
        System.out.printf("names: softmax %s: %d of %d declarations (%.1f%%) are named from the Java source; temporaries %s%n",
                algorithm, decls.size() - temporaries.size(), decls.size(), named, temporaries);
        assertTrue(named >= 90.0, String.format("%.1f%% named", named));

        Set<Integer> constructorLines = constructorLines(Softmax.class);
        // Every source comment is a call chain (the datapaths live in helper classes and lib): its last link must be
        // a line of Softmax's own constructor, the user-facing line that made the hardware.
        Pattern comment = Pattern.compile("// ([A-Za-z0-9_$]+\\.java:\\d+(?: <- [A-Za-z0-9_$]+\\.java:\\d+)*)$", Pattern.MULTILINE);
        String v = String.join("\n", out.files().values());
        Matcher m = comment.matcher(v);
        int comments = 0;
        while (m.find()) {
            comments++;
            String chain = m.group(1);
            String last = chain.substring(chain.lastIndexOf(' ') + 1);
            assertTrue(last.startsWith("Softmax.java:") && constructorLines.contains(Integer.parseInt(last.substring("Softmax.java:".length()))),
                    "a comment that does not reach Softmax's constructor: " + chain);
        }
        assertTrue(comments > 100, "only " + comments + " source comments");
        assertEquals(List.of(), Lint.check(out, dir));
    }

    /** The lines of a class's constructors and of the lambdas inside them. */
    private static Set<Integer> constructorLines(Class<?> c) throws IOException {
        byte[] bytes;
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
            bytes = in.readAllBytes();
        }
        ClassModel cm = ClassFile.of().parse(bytes);
        Set<Integer> lines = new HashSet<>();
        for (MethodModel mm : cm.methods()) {
            String n = mm.methodName().stringValue();
            if (!n.equals("<init>") && !n.startsWith("lambda$new$")) continue;
            mm.code().ifPresent(code -> code.forEach(e -> { if (e instanceof LineNumber ln) lines.add(ln.line()); }));
        }
        return lines;
    }
}
