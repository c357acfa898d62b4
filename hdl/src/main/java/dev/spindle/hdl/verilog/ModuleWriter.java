package dev.spindle.hdl.verilog;

import dev.spindle.hdl.ir.Assign;
import dev.spindle.hdl.ir.Block;
import dev.spindle.hdl.ir.ComponentNode;
import dev.spindle.hdl.ir.Const;
import dev.spindle.hdl.ir.Domain;
import dev.spindle.hdl.ir.MemNode;
import dev.spindle.hdl.ir.MemWrite;
import dev.spindle.hdl.ir.NameSource;
import dev.spindle.hdl.ir.Op;
import dev.spindle.hdl.ir.Signal;
import dev.spindle.hdl.ir.SourceLoc;
import dev.spindle.hdl.ir.Stmt;
import dev.spindle.hdl.ir.Switch;
import dev.spindle.hdl.ir.When;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Set;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one component as a Verilog-2005 module: ports, declarations, child instances, continuous assignments,
 * one {@code always @(*)} per conditionally assigned signal, one clocked process per register group (domain and
 * reset), one per memory write port. Every statement line ends with the Java line that made it.
 */
final class ModuleWriter {
    /** Registers that share a clocked process: same domain, with or without reset. */
    private record RegGroup(Domain domain, boolean withReset) {}

    private final ComponentNode c;
    private final Map<ComponentNode, String> moduleNames;
    private final Liveness live;
    private final Names names = new Names();
    private final Map<Signal, String> signalNames = new IdentityHashMap<>();
    private final Map<MemNode, String> memNames = new IdentityHashMap<>();
    private final Map<ComponentNode, String> instanceNames = new IdentityHashMap<>();
    /** Child inputs driven straight from a signal: the instance connects that signal, no wire in between. */
    private final Map<Signal, Signal> directInputs = new IdentityHashMap<>();
    private final ExprWriter ex;
    private final Map<Op, String> opNames = new IdentityHashMap<>();
    private final List<Manifest.Declaration> declarations = new ArrayList<>();
    private final Set<Assign> topLevel = Collections.newSetFromMap(new IdentityHashMap<>());

    ModuleWriter(ComponentNode c, Map<ComponentNode, String> moduleNames) {
        this.c = c;
        for (Stmt s : c.body().stmts()) if (s instanceof Assign a) topLevel.add(a);
        this.moduleNames = moduleNames;
        this.live = new Liveness(c);
        this.ex = new ExprWriter(live.uses, this::ref, memNames::get, names, opNames);
        nameEverything();
    }

    /** The reg, wire and memory declarations written, with the origin of each name (for the manifest). */
    List<Manifest.Declaration> declarations() { return declarations; }

    private static boolean isLocal(NameSource s) {
        return s == NameSource.LOCAL || s == NameSource.AREA || s == NameSource.LIBRARY_LOCAL || s == NameSource.DERIVED
                || s == NameSource.INPUT;
    }

    /**
     * Names given by a local variable to several nodes of this module (a local assigned in a loop, or in a helper
     * called more than once) get {@code _0}, {@code _1}, ... in creation order (signals, then memories, then
     * operators); a name given once stays as it is.
     */
    private Map<String, int[]> localNameCounts() {
        Map<String, int[]> count = new java.util.HashMap<>();
        for (Signal s : c.signals()) {
            if (!s.isPort() && live.signals.contains(s) && isLocal(s.nameSource())) count.computeIfAbsent(s.name(), k -> new int[2])[0]++;
        }
        for (MemNode m : c.mems()) {
            if (live.mems.contains(m) && isLocal(m.nameSource())) count.computeIfAbsent(m.name(), k -> new int[2])[0]++;
        }
        for (Op op : c.namedOps()) {
            if (userLocal(op)) count.computeIfAbsent(op.name(), k -> new int[2])[0]++;
        }
        return count;
    }

    /** An operator the user's code holds in a local variable: it gets a wire of that name. */
    private boolean userLocal(Op op) {
        return op.name() != null && (op.nameSource() == NameSource.LOCAL || op.nameSource() == NameSource.AREA) && live.uses.containsKey(op);
    }

    private static String numbered(String name, NameSource source, Map<String, int[]> counts) {
        if (!isLocal(source)) return name;
        int[] c = counts.get(name);
        return c == null || c[0] < 2 ? name : name + "_" + c[1]++;
    }

    /** Assigned once, whole, outside any when/switch of this module: a continuous assignment. */
    private boolean isSimple(Signal s) {
        if (s.drivers().size() != 1) return false;
        Assign a = s.drivers().getFirst();
        return a.isFull() && a.where() == c && topLevel.contains(a);
    }

    private void nameEverything() {
        for (Signal p : c.ports()) signalNames.put(p, names.claim(p.name()));
        Map<String, int[]> counts = localNameCounts();
        int anonymous = 0;
        for (Signal s : c.signals()) {
            if (s.isPort() || !live.signals.contains(s)) continue;
            String n = s.name();
            signalNames.put(s, names.claim(n != null ? numbered(n, s.nameSource(), counts) : "_zz_" + anonymous++));
        }
        for (MemNode m : c.mems()) {
            if (live.mems.contains(m)) memNames.put(m, names.claim(m.name() != null ? numbered(m.name(), m.nameSource(), counts) : "mem"));
        }
        for (Op op : c.namedOps()) {
            if (userLocal(op) && !opNames.containsKey(op)) opNames.put(op, names.claim(numbered(op.name(), op.nameSource(), counts)));
        }
        Map<String, Integer> perDefinition = new LinkedHashMap<>();
        for (ComponentNode child : c.children()) {
            String n = child.instanceName();
            if (n == null) {
                String d = Character.toLowerCase(child.definitionName().charAt(0)) + child.definitionName().substring(1);
                int k = perDefinition.merge(d, 1, Integer::sum) - 1;
                n = k == 0 ? d : d + "_" + k;
            }
            instanceNames.put(child, names.claim(n));
        }
        for (ComponentNode child : c.children()) {
            for (Signal p : child.ports()) {
                if (p.kind() == Signal.Kind.IN && isSimple(p) && p.drivers().getFirst().value() instanceof Signal src
                        && p.drivers().getFirst().where() == c) {
                    directInputs.put(p, src);
                    continue;
                }
                signalNames.put(p, names.claim(instanceNames.get(child) + "_" + portName(child, p)));
            }
        }
    }

    /** A black box's ports keep their vendor names: the io_ prefix is dropped. */
    private static String portName(ComponentNode owner, Signal p) {
        String n = p.name();
        return owner.isBlackBox() && n.startsWith("io_") ? n.substring(3) : n;
    }

    /** The name of a signal as seen inside this module. */
    private String ref(Signal s) {
        Signal direct = directInputs.get(s);
        if (direct != null) return ref(direct);
        String n = signalNames.get(c.local(s));
        if (n == null) throw new IllegalStateException("signal not visible in " + c.path() + ": " + s);
        return n;
    }

    /** Java names that were keywords, and the identifiers they became. */
    Map<String, String> renamedKeywords() { return names.renamedKeywords(); }

    String write(String moduleName, String javaClass) {
        StringBuilder statements = new StringBuilder();
        List<Assign> continuous = new ArrayList<>();
        Map<Object, Block> processes = Projection.split(c.body(), stmt -> processOf(stmt, continuous));
        Map<Signal, BigInteger> constant = ConstProcess.extract(processes);

        writeInstances(statements);
        StringBuilder assigns = new StringBuilder();
        for (Assign a : continuous) {
            String value = ex.expr(a.value());
            assigns.append("  assign ").append(ref(a.target())).append(" = ").append(value).append(';').append(comment(a.loc())).append('\n');
        }
        // An always @(*) that reads nothing is never run by Icarus: a signal driven only by literals is a literal.
        constant.forEach((sig, v) -> assigns.append("  assign ").append(ref(sig)).append(" = ").append(Literals.of(v, sig.width()))
                .append(';').append(comment(sig.drivers().getFirst().loc())).append('\n'));
        StringBuilder always = new StringBuilder();
        for (Map.Entry<Object, Block> e : processes.entrySet()) {
            switch (e.getKey()) {
                case Signal s -> writeCombProcess(always, s, e.getValue());
                case RegGroup g -> writeRegProcess(always, g, e.getValue());
                case MemNode m -> writeMemProcess(always, m, e.getValue());
                default -> throw new IllegalStateException();
            }
        }
        writeUnassignedRegs(always, processes);

        StringBuilder out = new StringBuilder();
        out.append("// Generated by Spindle from ").append(javaClass).append(". Do not edit.\n");
        out.append("module ").append(moduleName).append(" (\n");
        writePorts(out, processes);
        out.append(");\n");
        writeDeclarations(out, processes);
        if (!ex.wireAssigns().isEmpty()) {
            out.append('\n');
            ex.wireAssigns().forEach((n, v) -> out.append("  assign ").append(n).append(" = ").append(v).append(";\n"));
        }
        if (!statements.isEmpty()) out.append('\n').append(statements);
        if (!assigns.isEmpty()) out.append('\n').append(assigns);
        out.append(always);
        out.append("endmodule\n");
        return out.toString();
    }

    /** Which process a statement goes to; simple continuous assignments are collected instead. */
    private Object processOf(Stmt stmt, List<Assign> continuous) {
        if (stmt instanceof MemWrite w) return live.mems.contains(w.mem()) ? w.mem() : null;
        Assign a = (Assign) stmt;
        Signal t = a.target();
        if (!live.signals.contains(t) || directInputs.containsKey(t)) return null;
        if (t.kind() == Signal.Kind.REG) return new RegGroup(t.domain(), hasReset(t));
        if (isSimple(t)) {
            continuous.add(a);
            return null;
        }
        return t;
    }

    private static boolean hasReset(Signal r) { return r.init() != null && r.domain().reset() != null; }

    /**
     * {@code " = <value>"} for a register without a reset process: its RegInit value (Vivado takes it as the
     * flip-flop's INIT), or zero when some of its bits are never assigned, so they are driven and read as 0.
     */
    private static String initialValue(Signal r) {
        if (r.kind() != Signal.Kind.REG || hasReset(r)) return "";
        if (r.init() != null) return " = " + Literals.of(r.init().value(), r.width());
        BitSet assigned = new BitSet();
        for (Assign a : r.drivers()) assigned.set(a.lo(), a.hi() + 1);
        return assigned.cardinality() == r.width() ? "" : " = " + Literals.of(BigInteger.ZERO, r.width());
    }

    private boolean isProcessReg(Signal s, Map<Object, Block> processes) {
        return s.kind() == Signal.Kind.REG || processes.containsKey(s);
    }

    private void writePorts(StringBuilder out, Map<Object, Block> processes) {
        List<Signal> ports = c.ports();
        for (int i = 0; i < ports.size(); i++) {
            Signal p = ports.get(i);
            String n = signalNames.get(p);
            boolean unused = p.kind() == Signal.Kind.IN && !fullyRead(n, p.width());
            if (unused) out.append("  /* verilator lint_off UNUSEDSIGNAL */\n");
            out.append("  ").append(p.kind() == Signal.Kind.IN ? "input  wire " : isProcessReg(p, processes) ? "output reg  " : "output wire ")
                    .append(Literals.range(p.width())).append(n).append(initialValue(p)).append(i < ports.size() - 1 ? "," : "").append('\n');
            if (unused) out.append("  /* verilator lint_on UNUSEDSIGNAL */\n");
        }
    }

    private boolean fullyRead(String name, int width) {
        BitSet b = ex.bitsRead().get(name);
        return b != null && b.cardinality() == width;
    }

    private void writeDeclarations(StringBuilder out, Map<Object, Block> processes) {
        StringBuilder decl = new StringBuilder();
        for (Signal s : c.signals()) {
            if (s.isPort() || !live.signals.contains(s)) continue;
            declare(decl, isProcessReg(s, processes) ? "reg " : "wire", signalNames.get(s), s.width(), initialValue(s), s.nameSource().origin());
        }
        for (ComponentNode child : c.children()) {
            for (Signal p : child.ports()) {
                if (directInputs.containsKey(p)) continue;
                declare(decl, p.kind() == Signal.Kind.IN && processes.containsKey(p) ? "reg " : "wire", signalNames.get(p), p.width(), "", "derived");
            }
        }
        ex.wireWidths().forEach((n, w) -> declare(decl, "wire", n, w, "", ex.wireOrigins().get(n)));
        for (MemNode m : c.mems()) {
            if (!live.mems.contains(m)) continue;
            decl.append("  reg  ").append(Literals.range(m.width())).append(memNames.get(m))
                    .append(" [0:").append(m.depth() - 1).append("];").append(comment(m.loc())).append('\n');
            declarations.add(new Manifest.Declaration(null, memNames.get(m), "memory", m.width(), m.nameSource().origin()));
        }
        if (!decl.isEmpty()) out.append('\n').append(decl);
        for (MemNode m : c.mems()) {
            if (!live.mems.contains(m)) continue;
            String name = memNames.get(m);
            if (m.init() == null) {
                // FPGA memories power up as zeros (Xilinx BRAM and LUTRAM); saying so makes every simulator agree.
                out.append("\n  initial begin : ").append(name).append("_zero\n    integer i;\n    for (i = 0; i < ")
                        .append(m.depth()).append("; i = i + 1) ").append(name).append("[i] = ")
                        .append(Literals.of(BigInteger.ZERO, m.width())).append(";\n  end\n");
                continue;
            }
            out.append("\n  initial begin\n");
            BigInteger[] init = m.init();
            for (int i = 0; i < init.length; i++) {
                out.append("    ").append(name).append('[').append(i).append("] = ")
                        .append(Literals.of(init[i], m.width())).append(";\n");
            }
            out.append("  end\n");
        }
    }

    /** Declares a signal; one whose bits are deliberately not all read is wrapped in a lint waiver. */
    private void declare(StringBuilder decl, String kind, String name, int width, String initial, String origin) {
        declarations.add(new Manifest.Declaration(null, name, kind.trim(), width, origin));
        boolean unused = !fullyRead(name, width);
        if (unused) decl.append("  /* verilator lint_off UNUSEDSIGNAL */\n");
        decl.append("  ").append(kind).append(' ').append(Literals.range(width)).append(name).append(initial).append(";\n");
        if (unused) decl.append("  /* verilator lint_on UNUSEDSIGNAL */\n");
    }

    private void writeInstances(StringBuilder out) {
        for (ComponentNode child : c.children()) {
            String module = child.isBlackBox() ? child.blackBoxModule() : moduleNames.get(child);
            out.append("  ").append(module);
            if (!child.blackBoxParameters().isEmpty()) {
                out.append(" #(\n");
                List<Map.Entry<String, Object>> params = new ArrayList<>(child.blackBoxParameters().entrySet());
                for (int i = 0; i < params.size(); i++) {
                    out.append("    .").append(params.get(i).getKey()).append('(').append(parameter(params.get(i).getValue()))
                            .append(')').append(i < params.size() - 1 ? "," : "").append('\n');
                }
                out.append("  )");
            }
            out.append(' ').append(instanceNames.get(child)).append(" (").append(comment(child.loc())).append('\n');
            List<Signal> ports = child.ports();
            for (int i = 0; i < ports.size(); i++) {
                Signal p = ports.get(i);
                String conn = p.kind() == Signal.Kind.IN ? ex.expr(p) : signalNames.get(p);
                out.append("    .").append(portName(child, p)).append(" (").append(conn).append(')')
                        .append(i < ports.size() - 1 ? "," : "").append('\n');
            }
            out.append("  );\n");
        }
    }

    private static String parameter(Object v) {
        return switch (v) {
            case String s -> "\"" + s + "\"";
            case Boolean b -> b ? "1" : "0";
            default -> v.toString();
        };
    }

    private void writeCombProcess(StringBuilder out, Signal s, Block tree) {
        out.append("\n  always @(*) begin\n");
        writeBlock(out, tree, 2, false);
        out.append("  end\n");
    }

    private String edge(Domain d) { return (d.edge() == Domain.Edge.RISING ? "posedge " : "negedge ") + ex.expr(d.clock()); }

    private void writeRegProcess(StringBuilder out, RegGroup g, Block tree) {
        Domain d = g.domain();
        String body = indentBlock(tree, g.withReset() ? 3 : 2, d);
        out.append('\n');
        if (!g.withReset()) {
            out.append("  always @(").append(edge(d)).append(") begin\n").append(body).append("  end\n");
            return;
        }
        String reset = ex.expr(d.reset());
        boolean low = d.resetActive() == Domain.Polarity.LOW;
        String sensitivity = d.resetKind() == Domain.ResetKind.ASYNC ? " or " + (low ? "negedge " : "posedge ") + reset : "";
        out.append("  always @(").append(edge(d)).append(sensitivity).append(") begin\n");
        out.append("    if (").append(low ? "!" : "").append(reset).append(") begin\n");
        for (Signal r : c.signals()) {
            if (r.kind() == Signal.Kind.REG && live.signals.contains(r) && r.domain() == d && hasReset(r)) {
                out.append("      ").append(ref(r)).append(" <= ").append(Literals.of(r.init().value(), r.width())).append(";\n");
            }
        }
        out.append("    end else begin\n").append(body).append("    end\n  end\n");
    }

    /** The clocked body, inside {@code if (clkEn)} when the domain has a clock enable. */
    private String indentBlock(Block tree, int indent, Domain d) {
        StringBuilder b = new StringBuilder();
        if (d.enable() != null) {
            b.append("  ".repeat(indent)).append("if (").append(ex.expr(d.enable())).append(") begin\n");
            writeBlock(b, tree, indent + 1, true);
            b.append("  ".repeat(indent)).append("end\n");
        } else {
            writeBlock(b, tree, indent, true);
        }
        return b.toString();
    }

    /** Registers with a reset value that nothing assigns still need their reset process. */
    private void writeUnassignedRegs(StringBuilder out, Map<Object, Block> processes) {
        Map<RegGroup, Boolean> missing = new LinkedHashMap<>();
        for (Signal r : c.signals()) {
            if (r.kind() == Signal.Kind.REG && live.signals.contains(r) && r.drivers().isEmpty()) {
                RegGroup g = new RegGroup(r.domain(), hasReset(r));
                if (!processes.containsKey(g)) missing.put(g, true);
            }
        }
        for (RegGroup g : missing.keySet()) writeRegProcess(out, g, new Block());
    }

    private void writeMemProcess(StringBuilder out, MemNode m, Block tree) {
        out.append("\n  always @(").append(edge(m.domain())).append(") begin\n");
        out.append(indentBlock(tree, 2, m.domain()));
        out.append("  end\n");
    }

    private void writeBlock(StringBuilder out, Block b, int indent, boolean clocked) {
        String pad = "  ".repeat(indent);
        for (Stmt s : b.stmts()) {
            switch (s) {
                case Assign a -> {
                    String target = ref(a.target());
                    String lhs = a.isFull() ? target : a.hi() == a.lo() ? target + "[" + a.hi() + "]" : target + "[" + a.hi() + ":" + a.lo() + "]";
                    out.append(pad).append(lhs).append(clocked ? " <= " : " = ").append(ex.expr(a.value())).append(';')
                            .append(comment(a.loc())).append('\n');
                }
                case MemWrite w -> writeMemWrite(out, w, pad);
                case When w -> writeWhen(out, w, indent, clocked, false);
                case Switch sw -> writeSwitch(out, sw, indent, clocked);
            }
        }
    }

    private void writeWhen(StringBuilder out, When w, int indent, boolean clocked, boolean elseIf) {
        String pad = "  ".repeat(indent);
        String cond = ex.expr(w.cond());
        if (w.then().isEmpty()) {
            out.append(elseIf ? "" : pad).append("if (!(").append(cond).append(")) begin").append(comment(w.loc())).append('\n');
            writeBlock(out, w.otherwise(), indent + 1, clocked);
            out.append(pad).append("end\n");
            return;
        }
        out.append(elseIf ? "" : pad).append("if (").append(cond).append(") begin").append(comment(w.loc())).append('\n');
        writeBlock(out, w.then(), indent + 1, clocked);
        List<Stmt> other = w.otherwise().stmts();
        if (other.isEmpty()) {
            out.append(pad).append("end\n");
        } else if (other.size() == 1 && other.getFirst() instanceof When inner && !inner.then().isEmpty()) {
            out.append(pad).append("end else ");
            writeWhen(out, inner, indent, clocked, true);
        } else {
            out.append(pad).append("end else begin\n");
            writeBlock(out, w.otherwise(), indent + 1, clocked);
            out.append(pad).append("end\n");
        }
    }

    private void writeSwitch(StringBuilder out, Switch sw, int indent, boolean clocked) {
        String pad = "  ".repeat(indent);
        out.append(pad).append("case (").append(ex.expr(sw.selector())).append(')').append(comment(sw.loc())).append('\n');
        for (Switch.Case cs : sw.cases()) {
            if (cs.body().isEmpty()) continue;
            out.append(pad).append("  ");
            for (int i = 0; i < cs.values().size(); i++) {
                Const v = cs.values().get(i);
                out.append(i > 0 ? ", " : "").append(Literals.of(v.value(), v.width()));
            }
            out.append(": begin\n");
            writeBlock(out, cs.body(), indent + 2, clocked);
            out.append(pad).append("  end\n");
        }
        out.append(pad).append("  default: begin\n");
        writeBlock(out, sw.dflt(), indent + 2, clocked);
        out.append(pad).append("  end\n");
        out.append(pad).append("endcase\n");
    }

    private void writeMemWrite(StringBuilder out, MemWrite w, String pad) {
        String mem = memNames.get(w.mem());
        String addr = ex.expr(w.address());
        if (w.mask() == null) {
            out.append(pad).append(mem).append('[').append(addr).append("] <= ").append(ex.expr(w.data())).append(';')
                    .append(comment(w.loc())).append('\n');
            return;
        }
        int lanes = w.mask().width();
        int g = w.mem().width() / lanes;
        for (int i = 0; i < lanes; i++) {
            int lo = i * g;
            int hi = lo + g - 1;
            String lane = mem + "[" + addr + "]" + (lanes == 1 ? "" : "[" + hi + ":" + lo + "]");
            boolean literal = w.mask() instanceof Const;
            if (literal && !((Const) w.mask()).value().testBit(i)) continue;   // a literal mask: a lane never written is left out
            out.append(pad);
            if (!literal) out.append("if (").append(ex.bits(w.mask(), i, i)).append(") ");
            out.append(lane).append(" <= ").append(ex.bits(w.data(), hi, lo)).append(';').append(comment(w.loc())).append('\n');
        }
    }

    private static String comment(SourceLoc loc) {
        return loc == null || loc == SourceLoc.UNKNOWN ? "" : "  // " + loc;
    }
}
