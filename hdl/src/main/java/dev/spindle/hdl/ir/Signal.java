package dev.spindle.hdl.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A declared signal: a port, a wire or a register. Its drivers are the {@link Assign} statements that target it,
 * kept here as well as in the statement tree so the checks can find them without a search.
 */
public final class Signal extends Node {
    public enum Kind { IN, OUT, WIRE, REG }

    private Kind kind;
    private final SourceLoc loc;
    private Domain domain;
    private Const init;
    private String name;
    private NameSource nameSource = NameSource.NONE;
    private Supplier<String> lazyName;
    private boolean crossClockDomain;
    private final List<Assign> drivers = new ArrayList<>(1);

    public Signal(Kind kind, int width, ComponentNode owner, SourceLoc loc, Domain domain, Const init) {
        super(width, owner);
        this.kind = kind;
        this.loc = loc;
        this.domain = domain;
        this.init = init;
        if (kind == Kind.REG && domain == null) throw new IllegalArgumentException("a register needs a clock domain");
    }

    public Kind kind() { return kind; }

    /** Ports become ports when the component's io is resolved, after the bundle was built as wires. */
    public void setKind(Kind kind) { this.kind = kind; }

    public boolean isPort() { return kind == Kind.IN || kind == Kind.OUT; }

    public SourceLoc loc() { return loc; }

    /** The clock domain of a register (null for combinational signals). */
    public Domain domain() { return domain; }

    /** The reset value of a register, or null when it has none. */
    public Const init() { return init; }

    /** Turns a freshly created wire into a register of {@code domain} (how {@code Reg(type)} is built). */
    public void makeRegister(Domain domain) {
        if (kind != Kind.WIRE || !drivers.isEmpty()) throw new IllegalStateException("only a fresh wire can become a register: " + this);
        this.kind = Kind.REG;
        this.domain = domain;
    }

    public void setInit(Const init) {
        if (kind != Kind.REG) throw new IllegalStateException("only a register has a reset value: " + this);
        if (init != null && init.width() != width()) throw new IllegalArgumentException("reset value width " + init.width() + " != " + width());
        this.init = init;
    }

    public String name() {
        if (lazyName != null) {
            String n = lazyName.get();
            if (n != null) {
                name = n;
                nameSource = NameSource.DERIVED;
                lazyName = null;
            }
        }
        return name;
    }

    public NameSource nameSource() { return name() == null ? NameSource.NONE : nameSource; }

    /** Sets the name unless a stronger source already named it. */
    public void setName(String name, NameSource source) {
        if (this.name == null || source.compareTo(nameSource) > 0) {
            this.name = name;
            this.nameSource = source;
            if (source.compareTo(NameSource.DERIVED) > 0) this.lazyName = null;
        }
    }

    /** Replaces a name given by a local variable (a bundle's leaf gets its path appended); other names stay. */
    public void renameLocal(String name) {
        if (nameSource == NameSource.LOCAL || nameSource == NameSource.AREA || nameSource == NameSource.LIBRARY_LOCAL
                || nameSource == NameSource.INPUT) this.name = name;
    }

    /**
     * A name derived from another signal's, resolved once that one is named (e.g. {@code <stream>_rValid}); it
     * replaces nothing stronger than a local variable of library code, and while it resolves to null the name
     * there was stands.
     */
    public void setLazyName(Supplier<String> namer) {
        if (nameSource.compareTo(NameSource.DERIVED) < 0) this.lazyName = namer;
    }

    /** Marks the first register of a synchronizer: the clock-domain-crossing check accepts it. */
    public boolean crossClockDomain() { return crossClockDomain; }

    public void setCrossClockDomain(boolean value) { this.crossClockDomain = value; }

    public List<Assign> drivers() { return drivers; }

    @Override public String toString() {
        String n = name();
        return (owner() == null ? "" : owner().path() + "/") + (n == null ? "<unnamed>" : n) + " : " + kind + "[" + width() + "]";
    }
}
