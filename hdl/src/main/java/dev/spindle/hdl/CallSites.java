package dev.spindle.hdl;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeModel;
import java.lang.classfile.Instruction;
import java.lang.classfile.Label;
import java.lang.classfile.MethodModel;
import java.lang.classfile.Opcode;
import java.lang.classfile.TypeKind;
import java.lang.classfile.attribute.CodeAttribute;
import java.lang.classfile.attribute.StackMapFrameInfo;
import java.lang.classfile.attribute.StackMapTableAttribute;
import java.lang.classfile.instruction.*;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a class file says about the calls that build hardware: for each call instruction (by bytecode index) its
 * source line and where the value it returns goes: into a local variable (its name from the LocalVariableTable,
 * javac {@code -g}), into a component of a record held in one ({@code tag_valid}), into a list or array held in one,
 * back to the caller, or elsewhere. Found by one pass over the method's bytecode with a symbolic operand stack;
 * computed once per class ({@link ClassValue}) and then looked up by bytecode index.
 */
final class CallSites {
    private CallSites() {}

    /**
     * Where the result of a call goes, within its method. {@code LOCAL}: into local {@code name}, and {@code suffix}
     * names the part of it ({@code _valid} for a record component); {@code returned} when that local is also returned,
     * so the caller may name it instead. {@code RETURN}: returned to the caller, as part {@code suffix}.
     * {@code input}: the value only goes into a call whose result is that ({@code _in} in the suffix): a derived name.
     */
    record Fate(Kind kind, String name, String suffix, boolean returned, boolean input) {
        enum Kind { NONE, LOCAL, RETURN }

        static final Fate NONE = new Fate(Kind.NONE, null, "", false, false);
        static final Fate RETURN = new Fate(Kind.RETURN, null, "", false, false);

        Fate part(String component) { return new Fate(kind, name, suffix + "_" + component, returned, input); }

        Fate asInput() { return new Fate(kind, name, suffix + "_in", returned, true); }
    }

    /** One method: lines and fates by bytecode index. */
    static final class Method {
        final String name;
        final String descriptor;
        final boolean lambda;
        /** It has local variables, and a table of their names. */
        final boolean needsTable;
        final boolean hasTable;
        private final int[] lines;
        private final Fate[] fates;
        /** The location of a call when nothing called the helper it is in (cached: most lines are that). */
        private SourceLocCache locs;

        Method(String name, String descriptor, boolean needsTable, boolean hasTable, int[] lines, Fate[] fates) {
            this.name = name;
            this.descriptor = descriptor;
            this.lambda = name.startsWith("lambda$");
            this.needsTable = needsTable;
            this.hasTable = hasTable;
            this.lines = lines;
            this.fates = fates;
        }

        int line(int bci) { return bci >= 0 && bci < lines.length && lines[bci] > 0 ? lines[bci] : 0; }

        boolean isCall(int bci) { return bci >= 0 && bci < lines.length && lines[bci] != 0; }

        /** The location of the call at {@code bci} with no caller, made once. */
        dev.spindle.hdl.ir.SourceLoc loc(Type type, String className, int bci) {
            SourceLocCache c = locs;
            if (c == null) locs = c = new SourceLocCache(lines.length);
            dev.spindle.hdl.ir.SourceLoc l = c.get(bci);
            if (l == null) {
                l = new dev.spindle.hdl.ir.SourceLoc(type.sourceFile, line(bci), className, name);
                c.put(bci, l);
            }
            return l;
        }

        Fate fate(int bci) {
            Fate f = bci >= 0 && bci < fates.length ? fates[bci] : null;
            return f == null ? Fate.NONE : f;
        }
    }

    /** Locations by bytecode index; races only make the same object twice. */
    private static final class SourceLocCache {
        private final dev.spindle.hdl.ir.SourceLoc[] byBci;

        SourceLocCache(int n) { byBci = new dev.spindle.hdl.ir.SourceLoc[n]; }

        dev.spindle.hdl.ir.SourceLoc get(int bci) { return byBci[bci]; }

        void put(int bci, dev.spindle.hdl.ir.SourceLoc l) { byBci[bci] = l; }
    }

    /** One class: its source file, its methods by name, and whether it is library code or a component. */
    static final class Type {
        final String sourceFile;
        final boolean library;
        final boolean component;
        /** A bundle's constructor builds its leaves for whoever receives the bundle: its frames pass the name on. */
        final boolean bundle;
        /** False for a class compiled without {@code javac -g}: no local variable names. */
        final boolean hasLocalNames;
        /** Some call's result goes to a local variable (or a record, list or array held in one), or is returned. */
        final boolean namesLocals;
        private final Map<String, List<Method>> methods;
        private final Method[] byBci;
        volatile boolean warned;

        Type(String sourceFile, boolean library, boolean component, boolean bundle, Map<String, List<Method>> methods) {
            this.sourceFile = sourceFile;
            this.library = library;
            this.component = component;
            this.bundle = bundle;
            this.methods = methods;
            boolean any = false;
            boolean needed = false;
            boolean names = false;
            for (List<Method> ms : methods.values()) {
                for (Method m : ms) {
                    any |= m.hasTable;
                    needed |= m.needsTable;
                    for (Fate f : m.fates) names |= f != null && f.kind() != Fate.Kind.NONE;
                }
            }
            this.hasLocalNames = any || !needed;
            this.namesLocals = names;
            int max = 0;
            for (List<Method> ms : methods.values()) for (Method m : ms) max = Math.max(max, m.lines.length);
            byBci = new Method[max];
            for (List<Method> ms : methods.values()) {
                for (Method m : ms) {
                    for (int pc = 0; pc < m.lines.length; pc++) {
                        if (m.isCall(pc)) byBci[pc] = byBci[pc] == null ? m : AMBIGUOUS;
                    }
                }
            }
        }

        /** The method of a frame: by its bytecode index when only one method has a call there, else by name. */
        Method method(StackWalker.StackFrame f) {
            int bci = f.getByteCodeIndex();
            if (bci >= 0 && bci < byBci.length && byBci[bci] != null && byBci[bci] != AMBIGUOUS) return byBci[bci];
            List<Method> ms = methods.get(f.getMethodName());
            if (ms == null) return null;
            if (ms.size() == 1) return ms.getFirst();
            String d = f.getDescriptor();
            for (Method m : ms) if (m.descriptor.equals(d)) return m;
            return null;
        }
    }

    private static final Method AMBIGUOUS = new Method("?", "?", false, false, new int[0], new Fate[0]);

    private static final Type UNKNOWN = new Type(null, false, false, false, Map.of());

    private static final ClassValue<Type> TYPES = new ClassValue<>() {
        @Override protected Type computeValue(Class<?> c) { return read(c); }
    };

    static Type of(Class<?> c) { return TYPES.get(c); }

    /** Methods that return the same hardware under another type: a value passes through them unchanged. */
    private static final Set<String> VIEWS = Set.of("asUInt", "asSInt", "asBits", "raw", "fromRaw");

    private static Type read(Class<?> c) {
        ClassLoader loader = c.getClassLoader();
        if (loader == null) return UNKNOWN;
        byte[] bytes;
        try (InputStream in = loader.getResourceAsStream(c.getName().replace('.', '/') + ".class")) {
            if (in == null) return UNKNOWN;
            bytes = in.readAllBytes();
        } catch (IOException e) {
            return UNKNOWN;
        }
        ClassModel cm;
        try {
            cm = ClassFile.of().parse(bytes);
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
        String source = cm.findAttribute(Attributes.sourceFile()).map(a -> a.sourceFile().stringValue()).orElse(null);
        Map<String, List<Method>> methods = new HashMap<>();
        for (MethodModel mm : cm.methods()) {
            CodeModel code = mm.code().orElse(null);
            if (!(code instanceof CodeAttribute ca)) continue;
            Method m = analyse(mm.methodName().stringValue(), mm.methodType().stringValue(), ca, loader);
            methods.computeIfAbsent(m.name, k -> new ArrayList<>(1)).add(m);
        }
        return new Type(source, c.getName().startsWith("dev.spindle.lib."), Component.class.isAssignableFrom(c),
                Bundle.class.isAssignableFrom(c), methods);
    }

    // ------------------------------------------------------------------ the symbolic stack

    /** A stack entry: the call whose result it is (or -1), the {@code new} that made it (or -1), the local it was loaded from (or -1). */
    private record V(int call, int alloc, int slot, int loadPc, boolean wide, List<V> arms) {
        V(int call, int alloc, int slot, int loadPc, boolean wide) { this(call, alloc, slot, loadPc, wide, List.of()); }

        static final V OTHER = new V(-1, -1, -1, -1, false);
        static final V OTHER_WIDE = new V(-1, -1, -1, -1, true);

        static V other(boolean wide) { return wide ? OTHER_WIDE : OTHER; }
    }

    /** Where one value went, before local names are looked up. */
    private sealed interface Dest {
        record Local(int slot, int pc) implements Dest {}
        record Return() implements Dest {}
        record Part(int alloc, String component) implements Dest {}
        record Element(int slot, int pc) implements Dest {}
        record Arg(int call) implements Dest {}
        record Elsewhere() implements Dest {}
    }

    private static final Dest ELSEWHERE = new Dest.Elsewhere();

    private record LocalVar(int slot, String name, int start, int end) {}

    private static final class Analysis {
        final CodeAttribute code;
        final ClassLoader loader;
        final int[] lines;
        final Map<Integer, Dest> dests = new HashMap<>();
        final Map<Integer, Integer> viewOf = new HashMap<>();
        final List<int[]> returnedLoads = new ArrayList<>();
        final List<LocalVar> vars = new ArrayList<>();
        final Map<Label, Integer> frames = new HashMap<>();
        final Map<Label, List<V>> frameStacks = new HashMap<>();
        /** Stacks at forward branches, by target: where a ternary's arms meet, what both agree on is kept. */
        final Map<Label, List<List<V>>> branched = new HashMap<>();
        boolean reachable = true;
        ArrayList<V> stack = new ArrayList<>();

        Analysis(CodeAttribute code, ClassLoader loader) {
            this.code = code;
            this.loader = loader;
            this.lines = new int[code.codeLength()];
        }

        V pop() { return stack.removeLast(); }

        void push(V v) { stack.add(v); }

        /** The first place a value goes decides. */
        void went(V v, Dest d) {
            if (v.call >= 0) dests.putIfAbsent(v.call, d);
            if (v.alloc >= 0) dests.putIfAbsent(v.alloc, d);
            for (V arm : v.arms) went(arm, d);
        }
    }

    private static Method analyse(String name, String descriptor, CodeAttribute code, ClassLoader loader) {
        Analysis a = new Analysis(code, loader);
        boolean ok;
        try {
            run(a);
            ok = true;
        } catch (RuntimeException e) {
            ok = false;   // bytecode this simple model does not follow: no names from this method
        }
        Fate[] fates = new Fate[code.codeLength()];
        if (ok) {
            for (Integer pc : a.dests.keySet()) fates[pc] = resolve(a, pc, 0);
            for (Map.Entry<Integer, Integer> e : a.viewOf.entrySet()) fates[e.getKey()] = fates[e.getValue()];
        }
        return new Method(name, descriptor, code.maxLocals() > 0, !a.vars.isEmpty(), a.lines, fates);
    }

    private static Fate resolve(Analysis a, int pc, int depth) {
        Dest d = a.dests.get(pc);
        if (d == null || depth > 8) return Fate.NONE;
        return switch (d) {
            case Dest.Local l -> {
                LocalVar v = var(a, l.slot(), l.pc());
                if (v == null) yield Fate.NONE;
                boolean returned = false;
                for (int[] r : a.returnedLoads) if (r[0] == l.slot() && var(a, r[0], r[1]) == v) returned = true;
                yield new Fate(Fate.Kind.LOCAL, v.name(), "", returned, false);
            }
            case Dest.Return r -> Fate.RETURN;
            case Dest.Part p -> {
                Fate whole = resolve(a, p.alloc(), depth + 1);
                yield whole.kind() == Fate.Kind.NONE ? Fate.NONE : whole.part(p.component());
            }
            case Dest.Element e -> {
                LocalVar v = var(a, e.slot(), e.pc());
                yield v == null ? Fate.NONE : new Fate(Fate.Kind.LOCAL, v.name(), "", false, false);
            }
            case Dest.Arg g -> {
                Fate result = resolve(a, g.call(), depth + 1);
                yield result.kind() == Fate.Kind.NONE ? Fate.NONE : result.asInput();
            }
            case Dest.Elsewhere x -> Fate.NONE;
        };
    }

    /** The local variable in {@code slot} live at {@code pc} (a store's scope starts right after it). */
    private static LocalVar var(Analysis a, int slot, int pc) {
        LocalVar best = null;
        for (LocalVar v : a.vars) {
            if (v.slot() == slot && v.start() <= pc && pc <= v.end()) {
                if (best == null || v.start() > best.start()) best = v;
            }
        }
        return best;
    }

    private static void run(Analysis a) {
        CodeAttribute code = a.code;
        for (CodeElement e : code) {
            if (e instanceof LocalVariable lv) {
                int start = code.labelToBci(lv.startScope());
                a.vars.add(new LocalVar(lv.slot(), lv.name().stringValue(), start, code.labelToBci(lv.endScope())));
            }
        }
        code.findAttribute(Attributes.stackMapTable()).ifPresent((StackMapTableAttribute t) -> {
            for (StackMapFrameInfo f : t.entries()) {
                List<V> s = new ArrayList<>();
                for (StackMapFrameInfo.VerificationTypeInfo vt : f.stack()) {
                    s.add(V.other(vt == StackMapFrameInfo.SimpleVerificationTypeInfo.LONG
                            || vt == StackMapFrameInfo.SimpleVerificationTypeInfo.DOUBLE));
                }
                a.frameStacks.put(f.target(), s);
            }
        });
        int pc = 0;
        int line = 0;
        for (CodeElement e : code) {
            switch (e) {
                case LineNumber ln -> line = ln.line();
                case LabelTarget lt -> join(a, lt.label());
                case Instruction i -> {
                    if (i instanceof InvokeInstruction) a.lines[pc] = line > 0 ? line : -1;
                    step(a, i, pc);
                    pc += i.sizeInBytes();
                }
                default -> { }
            }
        }
    }

    /** The stack where control flow meets: entries every incoming path agrees on, else unknown ones. */
    private static void join(Analysis a, Label label) {
        List<List<V>> in = new ArrayList<>();
        List<List<V>> branches = a.branched.remove(label);
        if (branches != null) in.addAll(branches);
        if (a.reachable) in.add(a.stack);
        List<V> frame = a.frameStacks.get(label);
        a.reachable = true;
        if (in.isEmpty()) {
            if (frame != null) a.stack = new ArrayList<>(frame);
            return;
        }
        int size = in.getFirst().size();
        for (List<V> s : in) {
            if (s.size() != size || frame != null && frame.size() != size) {   // e.g. an exception handler: trust the frame
                if (frame == null) throw new IllegalStateException("stack heights differ");
                a.stack = new ArrayList<>(frame);
                return;
            }
        }
        ArrayList<V> merged = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            V v = in.getFirst().get(i);
            for (List<V> s : in) if (!s.get(i).equals(v)) v = V.other(v.wide);
            merged.add(v);
        }
        if (in.size() > 1 && size > 0) {
            // The arms' results meet in one entry: each arm's value goes wherever the merged one goes.
            V top = merged.getLast();
            if (top.call < 0 && top.alloc < 0) {
                List<V> arms = new ArrayList<>();
                for (List<V> s : in) arms.add(s.getLast());
                merged.set(size - 1, new V(-1, -1, -1, -1, top.wide, arms));
            }
        }
        a.stack = merged;
    }

    private static boolean wide(TypeKind k) { return k.slotSize() == 2; }

    private static boolean wide(ClassDesc d) { return d.isPrimitive() && (d.descriptorString().equals("J") || d.descriptorString().equals("D")); }

    private static void popN(Analysis a, int n) { for (int i = 0; i < n; i++) a.went(a.pop(), ELSEWHERE); }

    private static void step(Analysis a, Instruction ins, int pc) {
        switch (ins) {
            case LoadInstruction l -> a.push(l.typeKind() == TypeKind.REFERENCE ? new V(-1, -1, l.slot(), pc, false) : V.other(wide(l.typeKind())));
            case StoreInstruction s -> {
                V v = a.pop();
                a.went(v, s.typeKind() == TypeKind.REFERENCE ? new Dest.Local(s.slot(), pc + s.sizeInBytes()) : ELSEWHERE);
            }
            case IncrementInstruction x -> { }
            case BranchInstruction b -> {
                Opcode o = b.opcode();
                boolean always = o == Opcode.GOTO || o == Opcode.GOTO_W;
                if (always) { }
                else if (o.name().startsWith("IF_")) popN(a, 2);
                else popN(a, 1);
                a.branched.computeIfAbsent(b.target(), k -> new ArrayList<>()).add(new ArrayList<>(a.stack));
                if (always) a.reachable = false;
            }
            case LookupSwitchInstruction x -> { popN(a, 1); a.reachable = false; }
            case TableSwitchInstruction x -> { popN(a, 1); a.reachable = false; }
            case ReturnInstruction r -> {
                a.reachable = false;
                if (r.typeKind() != TypeKind.VOID) {
                    V v = a.pop();
                    if (r.typeKind() == TypeKind.REFERENCE) {
                        a.went(v, new Dest.Return());
                        if (v.slot >= 0) a.returnedLoads.add(new int[] {v.slot, v.loadPc});
                    }
                }
            }
            case ThrowInstruction x -> { popN(a, 1); a.reachable = false; }
            case FieldInstruction f -> {
                boolean w = wide(f.typeSymbol());
                switch (f.opcode()) {
                    case GETSTATIC -> a.push(V.other(w));
                    case PUTSTATIC -> popN(a, 1);
                    case GETFIELD -> { popN(a, 1); a.push(V.other(w)); }
                    default -> popN(a, 2);
                }
            }
            case InvokeInstruction inv -> invoke(a, inv, pc);
            case InvokeDynamicInstruction indy -> {
                MethodTypeDesc t = indy.typeSymbol();
                popN(a, t.parameterCount());
                if (!t.returnType().descriptorString().equals("V")) a.push(V.other(wide(t.returnType())));
            }
            case NewObjectInstruction n -> a.push(new V(-1, pc, -1, -1, false));
            case NewPrimitiveArrayInstruction n -> { popN(a, 1); a.push(V.OTHER); }
            case NewReferenceArrayInstruction n -> { popN(a, 1); a.push(V.OTHER); }
            case NewMultiArrayInstruction n -> { popN(a, n.dimensions()); a.push(V.OTHER); }
            case ArrayLoadInstruction l -> { popN(a, 2); a.push(V.other(wide(l.typeKind()))); }
            case ArrayStoreInstruction s -> {
                V value = a.pop();
                popN(a, 1);
                V array = a.pop();
                a.went(value, array.slot >= 0 && s.typeKind() == TypeKind.REFERENCE ? new Dest.Element(array.slot, pc) : ELSEWHERE);
            }
            case TypeCheckInstruction t -> {
                if (t.opcode() == Opcode.INSTANCEOF) { popN(a, 1); a.push(V.OTHER); }
            }
            case ConvertInstruction c -> { popN(a, 1); a.push(V.other(wide(c.toType()))); }
            case OperatorInstruction o -> {
                switch (o.opcode()) {
                    case ARRAYLENGTH, INEG, LNEG, FNEG, DNEG -> { popN(a, 1); a.push(V.other(wide(o.typeKind()))); }
                    case LCMP, FCMPL, FCMPG, DCMPL, DCMPG -> { popN(a, 2); a.push(V.OTHER); }
                    default -> { popN(a, 2); a.push(V.other(wide(o.typeKind()))); }
                }
            }
            case ConstantInstruction c -> a.push(V.other(wide(c.typeKind())));
            case StackInstruction s -> stack(a, s.opcode());
            case MonitorInstruction m -> popN(a, 1);
            case NopInstruction n -> { }
            default -> throw new IllegalStateException("not followed: " + ins.opcode());
        }
    }

    private static void invoke(Analysis a, InvokeInstruction inv, int pc) {
        MethodTypeDesc t = inv.typeSymbol();
        int n = t.parameterCount();
        V[] args = new V[n];
        for (int i = n - 1; i >= 0; i--) args[i] = a.pop();
        boolean isStatic = inv.opcode() == Opcode.INVOKESTATIC;
        V receiver = isStatic ? null : a.pop();
        String owner = inv.owner().asInternalName();
        String name = inv.name().stringValue();
        boolean ours = owner.startsWith("dev/spindle/hdl/");
        V through = null;
        if (ours && VIEWS.contains(name)) {
            V src = isStatic ? (n > 0 ? args[0] : null) : receiver;
            if (src != null) {
                through = new V(src.call, -1, src.slot, src.loadPc, false, src.arms);
                if (src.call >= 0) a.viewOf.put(pc, src.call);
                if (isStatic) args[0] = V.OTHER; else receiver = V.OTHER;
            }
        }
        if (name.equals("<init>") && receiver != null && receiver.alloc >= 0) a.viewOf.put(pc, receiver.alloc);   // a frame inside the constructor
        String[] components = name.equals("<init>") && receiver != null && receiver.alloc >= 0 ? recordComponents(a, owner, n) : null;
        boolean listAdd = name.equals("add") && n == 1 && receiver != null && receiver.slot >= 0 && owner.startsWith("java/util/");
        ClassDesc ret = t.returnType();
        // A value that only feeds a call returning hardware is an input of what that call makes.
        Dest input = !ret.isPrimitive() && !ret.descriptorString().equals("V") && !owner.startsWith("java/") ? new Dest.Arg(pc) : ELSEWHERE;
        for (int i = 0; i < n; i++) {
            Dest d = input;
            if (components != null) d = new Dest.Part(receiver.alloc, components[i]);
            else if (listAdd) d = new Dest.Element(receiver.slot, pc);
            a.went(args[i], d);
        }
        if (receiver != null && !(name.equals("<init>") && receiver.alloc >= 0)) a.went(receiver, input);
        if (ret.descriptorString().equals("V")) return;
        a.push(through != null ? through : ret.isPrimitive() ? V.other(wide(ret)) : new V(pc, -1, -1, -1, false));
    }

    /** The component names of a record's canonical constructor with {@code n} parameters, or null. */
    private static String[] recordComponents(Analysis a, String internalName, int n) {
        if (internalName.startsWith("java/")) return null;
        try {
            Class<?> c = Class.forName(internalName.replace('/', '.'), false, a.loader);
            RecordComponent[] rc = c.getRecordComponents();
            if (rc == null || rc.length != n) return null;
            String[] names = new String[n];
            for (int i = 0; i < n; i++) names[i] = rc[i].getName();
            return names;
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static void stack(Analysis a, Opcode op) {
        List<V> s = a.stack;
        switch (op) {
            case POP -> popN(a, 1);
            case POP2 -> popN(a, s.getLast().wide ? 1 : 2);
            case DUP -> a.push(s.getLast());
            case DUP_X1 -> { V v1 = a.pop(), v2 = a.pop(); a.push(v1); a.push(v2); a.push(v1); }
            case DUP_X2 -> {
                V v1 = a.pop(), v2 = a.pop();
                if (v2.wide) { a.push(v1); a.push(v2); a.push(v1); }
                else { V v3 = a.pop(); a.push(v1); a.push(v3); a.push(v2); a.push(v1); }
            }
            case DUP2 -> {
                if (s.getLast().wide) a.push(s.getLast());
                else { V v1 = s.get(s.size() - 1), v2 = s.get(s.size() - 2); a.push(v2); a.push(v1); }
            }
            case DUP2_X1 -> {
                V v1 = a.pop();
                if (v1.wide) { V v2 = a.pop(); a.push(v1); a.push(v2); a.push(v1); }
                else { V v2 = a.pop(), v3 = a.pop(); a.push(v2); a.push(v1); a.push(v3); a.push(v2); a.push(v1); }
            }
            case SWAP -> { V v1 = a.pop(), v2 = a.pop(); a.push(v1); a.push(v2); }
            default -> throw new IllegalStateException("not followed: " + op);
        }
    }
}
