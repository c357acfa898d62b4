package dev.spindle.deploy;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The checks that run without Vivado or a board: every Tcl and XDC file parses; build.tcl, program.tcl and
 * flash.tcl run under tclsh with Vivado's commands stubbed, and their calls are what the board needs; the XDC
 * and the top agree both ways; the whole top fits the part. Each check prints one line; any failure throws a
 * {@link DeployException} naming the file, the port or the resource.
 */
final class DryRun {
    /** Where the stubbed build's recorded calls are kept in the build directory, as evidence. */
    static final String CALLS = "dryrun-vivado-calls.jsonl";

    private DryRun() {}

    static FitCheck.Report run(BuildDirectory.Layout layout, Board board, double ceiling, PrintStream out) {
        Tclsh tcl = Tclsh.onPath();
        Path scratch = scratchCopy(layout.dir());
        try {
            Path stub = Resources.copyTo(scratch.resolve("stub").resolve("vivado_stub.tcl"), Resources.vivado("stub/vivado_stub.tcl"));
            Path parses = Resources.copyTo(scratch.resolve("stub").resolve("parses.tcl"), Resources.vivado("stub/parses.tcl"));
            long t0 = System.nanoTime();

            List<Path> tclFiles = new ArrayList<>();
            for (String f : Resources.VIVADO_TCL) tclFiles.add(layout.dir().resolve(f));
            tclFiles.add(layout.dir().resolve(BuildDirectory.SETTINGS));
            tclFiles.add(layout.xdc());
            tcl.checkParses(parses, tclFiles);
            say(out, t0, "Tcl parses: " + tclFiles.size() + " files (" + String.join(", ", tclFiles.stream().map(p -> p.getFileName().toString()).toList()) + ")");

            t0 = System.nanoTime();
            Tclsh.Run build = tcl.stubbed(stub, scratch, scratch.resolve("build.tcl"), List.of());
            List<String> problems = checkBuild(board, layout, scratch, build);
            fail("build.tcl under stubbed Vivado", problems);
            copy(scratch.resolve("vivado-calls.jsonl"), layout.dir().resolve(CALLS));
            say(out, t0, "build.tcl under stubbed Vivado: " + build.calls().size() + " calls, part " + board.part() + ", top "
                    + XdmaTop.MODULE + ", " + XdmaIp.config(board).size() + " XDMA keys as set, bitstream and flash image written (" + CALLS + ")");

            t0 = System.nanoTime();
            Tclsh.Run program = tcl.stubbed(stub, scratch, scratch.resolve("program.tcl"), List.of());
            fail("program.tcl under stubbed Vivado", checkProgram(scratch, program));
            Tclsh.Run flash = tcl.stubbed(stub, scratch, scratch.resolve("flash.tcl"), List.of());
            fail("flash.tcl under stubbed Vivado", checkFlash(board, flash));
            say(out, t0, "program.tcl and flash.tcl under stubbed Vivado: JTAG load and " + board.flash().part() + " flash sequences");

            t0 = System.nanoTime();
            Tclsh.Run xdc = tcl.stubbed(stub, scratch, scratch.resolve(layout.xdc().getFileName()), List.of());
            if (!xdc.ok()) throw new DeployException(layout.xdc() + " does not run as Vivado reads it: " + xdc.output().strip());
            fail("XDC check", XdcCheck.check(board, layout.xdc(), layout.top(), xdc.calls()));
            say(out, t0, "XDC " + layout.xdc().getFileName() + " and " + XdmaTop.FILE + " agree: refclk " + board.refclkP() + "/"
                    + board.refclkN() + " at 10.000 ns, PERST# " + board.perstPin() + " " + board.perstIostandard() + ", GT lanes by the IP");
        } finally {
            deleteTree(scratch);
        }
        FitCheck.Report fit = FitCheck.check(board, layout.verilog(), layout.stub(), ceiling, out);
        for (String line : fit.lines()) out.println("deploy: fit " + line);
        return fit;
    }

    /** What the recorded build must contain, in order, for this board; each problem names what differs. */
    static List<String> checkBuild(Board board, BuildDirectory.Layout layout, Path scratch, Tclsh.Run run) {
        List<String> p = new ArrayList<>();
        if (!run.ok()) {
            p.add("build.tcl failed under the stub: " + run.output().strip());
            return p;
        }
        List<List<String>> calls = run.calls();
        List<String> order = List.of("version", "create_project", "create_ip", "generate_target", "synth_ip", "read_verilog", "read_xdc",
                "synth_design", "opt_design", "place_design", "route_design", "report_timing_summary", "write_bitstream", "write_cfgmem");
        int last = -1;
        for (String cmd : order) {
            int at = indexOf(calls, cmd);
            if (at < 0) p.add("no " + cmd + " call");
            else if (at < last) p.add(cmd + " runs before the step that should precede it");
            else last = at;
        }
        expectCall(p, calls, "create_project", "-in_memory", "-part", board.part());
        expectCall(p, calls, "create_ip", "-name", "xdma", "-vendor", "xilinx.com", "-library", "ip", "-version", XdmaIp.VLNV.split(":")[3],
                "-module_name", XdmaIp.MODULE, "-dir", "ip", "-force");
        Map<String, String> got = new LinkedHashMap<>();
        for (List<String> c : run.calls("set_property")) {
            if (c.size() == 4 && c.get(1).equals("-dict") && c.get(3).equals(XdmaIp.MODULE)) {
                String[] kv = c.get(2).trim().split("\\s+");
                for (int i = 0; i + 1 < kv.length; i += 2) got.put(kv[i], kv[i + 1]);
            }
        }
        Map<String, String> want = new LinkedHashMap<>();
        XdmaIp.config(board).forEach((k, v) -> want.put("CONFIG." + k, v));
        if (!List.copyOf(got.entrySet()).equals(List.copyOf(want.entrySet()))) {
            p.add("XDMA configuration set: " + got + ", expected " + want);
        }
        for (Path v : layout.verilog()) {
            String rel = layout.dir().relativize(v).toString();
            if (!run.calls("read_verilog").contains(List.of("read_verilog", rel))) p.add("no read_verilog " + rel);
        }
        expectCall(p, calls, "read_xdc", layout.xdc().getFileName().toString());
        expectCall(p, calls, "synth_design", "-top", XdmaTop.MODULE, "-part", board.part());
        String bit = "out/" + XdmaTop.MODULE + ".bit";
        expectCall(p, calls, "write_bitstream", "-force", bit);
        expectCall(p, calls, "write_cfgmem", "-force", "-format", "mcs", "-size", Integer.toString(board.flash().sizeMiB()),
                "-interface", board.flash().iface(), "-loadbit", "up " + board.flash().address() + " " + bit, "-checksum",
                "-file", "out/" + XdmaTop.MODULE + ".mcs");
        for (String f : outputs(board)) {
            if (!Files.exists(scratch.resolve(f))) p.add("the build wrote no " + f);
        }
        return p;
    }

    /** The files a build leaves in the build directory. */
    static List<String> outputs(Board board) {
        String base = "out/" + XdmaTop.MODULE;
        List<String> files = new ArrayList<>(List.of("out/post_synth.dcp", "out/post_route.dcp", base + ".bit",
                "reports/utilization_synth.rpt", "reports/utilization.rpt", "reports/utilization_xdma.rpt"));
        if (board.flash().iface().equals("SPIx8")) files.addAll(List.of(base + "_primary.mcs", base + "_secondary.mcs"));
        else files.add(base + ".mcs");
        return files;
    }

    static List<String> checkProgram(Path scratch, Tclsh.Run run) {
        List<String> p = new ArrayList<>();
        if (!run.ok()) return List.of("program.tcl failed under the stub: " + run.output().strip());
        String bit = scratch.toAbsolutePath().resolve("out").resolve(XdmaTop.MODULE + ".bit").toString();
        boolean fileSet = run.calls("set_property").stream().anyMatch(c -> c.get(1).equals("PROGRAM.FILE") && c.get(2).endsWith("out/" + XdmaTop.MODULE + ".bit"));
        if (!fileSet) p.add("no set_property PROGRAM.FILE " + bit);
        if (run.calls("program_hw_devices").isEmpty()) p.add("no program_hw_devices");
        return p;
    }

    static List<String> checkFlash(Board board, Tclsh.Run run) {
        List<String> p = new ArrayList<>();
        if (!run.ok()) return List.of("flash.tcl failed under the stub: " + run.output().strip());
        if (run.calls("get_cfgmem_parts").stream().noneMatch(c -> c.getLast().equals(board.flash().part()))) {
            p.add("no get_cfgmem_parts " + board.flash().part());
        }
        for (String cmd : List.of("create_hw_cfgmem", "program_hw_cfgmem", "boot_hw_device")) {
            if (run.calls(cmd).isEmpty()) p.add("no " + cmd);
        }
        return p;
    }

    private static void expectCall(List<String> problems, List<List<String>> calls, String... call) {
        if (!calls.contains(List.of(call))) {
            List<List<String>> same = calls.stream().filter(c -> c.getFirst().equals(call[0])).toList();
            problems.add("expected the call " + String.join(" ", call) + ", found " + (same.isEmpty() ? "none" : same));
        }
    }

    private static int indexOf(List<List<String>> calls, String cmd) {
        for (int i = 0; i < calls.size(); i++) if (calls.get(i).getFirst().equals(cmd)) return i;
        return -1;
    }

    private static void fail(String what, List<String> problems) {
        if (!problems.isEmpty()) throw new DeployException(what + ":\n  " + String.join("\n  ", problems));
    }

    private static void say(PrintStream out, long t0, String what) {
        out.printf(Locale.ROOT, "deploy: ok  %s (%.2f s)%n", what, (System.nanoTime() - t0) / 1e9);
    }

    /** The stubbed build writes empty checkpoints and bitstreams: it runs in a copy, never in the build directory. */
    private static Path scratchCopy(Path dir) {
        try {
            Path scratch = Files.createTempDirectory("spindle-deploy-dryrun-");
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.toList()) {
                    Path to = scratch.resolve(dir.relativize(f).toString());
                    if (Files.isDirectory(f)) Files.createDirectories(to);
                    else Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return scratch;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is harmless.
        }
    }
}
