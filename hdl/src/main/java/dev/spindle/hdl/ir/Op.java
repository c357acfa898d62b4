package dev.spindle.hdl.ir;

import java.util.List;

/**
 * An operator applied to operands; created once and never changed, except for its name: the local variable that
 * received it (the emitter then gives it a wire of that name), or none.
 */
public final class Op extends Node {
    private final OpKind kind;
    private final Node[] args;
    private final int p0;
    private final int p1;
    private final MemNode mem;
    private String name;
    private NameSource nameSource = NameSource.NONE;

    public Op(OpKind kind, int width, ComponentNode owner, int p0, int p1, MemNode mem, Node... args) {
        super(width, owner);
        this.kind = kind;
        this.args = args;
        this.p0 = p0;
        this.p1 = p1;
        this.mem = mem;
    }

    public OpKind kind() { return kind; }

    public Node arg(int i) { return args[i]; }

    public int argCount() { return args.length; }

    public List<Node> args() { return List.of(args); }

    /** First integer parameter: shift amount, or the high bit of a slice. */
    public int p0() { return p0; }

    /** Second integer parameter: the low bit of a slice. */
    public int p1() { return p1; }

    public MemNode mem() { return mem; }

    /** The local variable name given to this result, or null. */
    public String name() { return name; }

    public NameSource nameSource() { return nameSource; }

    public void setName(String name, NameSource source) {
        this.name = name;
        this.nameSource = name == null ? NameSource.NONE : source;
    }
}
