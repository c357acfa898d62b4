package dev.spindle.hdl;

import dev.spindle.hdl.ir.Block;
import dev.spindle.hdl.ir.ComponentNode;
import dev.spindle.hdl.ir.Domain;
import dev.spindle.hdl.ir.HdlError;
import dev.spindle.hdl.ir.NameSource;
import dev.spindle.hdl.ir.Signal;
import dev.spindle.hdl.ir.SourceLoc;
import dev.spindle.hdl.ir.Stmt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * The elaboration context: the one piece of global mutable state in Spindle (a thread-local, alive only while
 * {@link Spindle#elaborate} runs). It knows which component's body and which conditional block statements go to,
 * and the current clock domain.
 */
public final class Elaboration {
    private static final ThreadLocal<Elaboration> CURRENT = new ThreadLocal<>();

    /** One component under construction. */
    private static final class Frame {
        final ComponentNode node;
        final Component component;
        final Deque<Block> blocks = new ArrayDeque<>();
        /** Bundles created in this component, in creation order: their leaves get their local's name with a path. */
        final List<Bundle> bundles = new ArrayList<>();
        Domain domain;
        /** The prefix of the areas open now ({@code exp_lane}), or null. */
        String area;
        /** Whether the component's class holds any call's result in a local variable (then operators get names). */
        final boolean namesOperators;

        Frame(ComponentNode node, Component component, Domain domain) {
            this.node = node;
            this.component = component;
            this.domain = domain;
            this.namesOperators = CallSites.of(component.getClass()).namesLocals;
            blocks.push(node.body());
        }
    }

    /** What the next Component constructor attaches to. */
    private record Pending(ComponentNode parent, Domain domain, SourceLoc loc) {}

    private final Deque<Frame> frames = new ArrayDeque<>();
    private final List<Domain> domains = new ArrayList<>();
    private Pending pending;
    private ComponentNode top;
    private Domain defaultDomain;

    private Elaboration() {}

    static Elaboration current() {
        Elaboration e = CURRENT.get();
        if (e == null) {
            throw new IllegalStateException("no elaboration in progress: build hardware inside Spindle.elaborate(() -> new MyComponent(...))");
        }
        return e;
    }

    static boolean active() { return CURRENT.get() != null; }

    /** Runs {@code build} as the top of a fresh elaboration; the context is gone afterwards whatever happens. */
    static <T extends Component> Elaborated<T> run(Supplier<T> build) {
        if (CURRENT.get() != null) throw new IllegalStateException("Spindle.elaborate cannot be nested; use child(() -> new X(...)) for sub-components");
        Elaboration e = new Elaboration();
        CURRENT.set(e);
        try {
            e.pending = new Pending(null, null, Sites.loc());
            T top = build.get();
            e.finishComponent(top);
            return new Elaborated<>(top, e.top, List.copyOf(e.domains));
        } finally {
            CURRENT.remove();
        }
    }

    <T extends Component> T child(Supplier<T> build) {
        Frame parent = frame();
        pending = new Pending(parent.node, parent.domain, Sites.loc());
        T child = build.get();
        if (pending != null) {
            pending = null;
            throw new IllegalStateException("child(...) must create a Component, at " + Sites.loc());
        }
        finishComponent(child);
        return child;
    }

    /** Called by the Component constructor: opens the component's frame. */
    ComponentNode enterComponent(Component c) {
        if (pending == null) {
            throw new HdlError(HdlError.Kind.INVALID, "component " + c.getClass().getSimpleName()
                    + " created outside child(...): write child(() -> new " + c.getClass().getSimpleName() + "(...))",
                    Sites.loc());
        }
        Pending p = pending;
        pending = null;
        ComponentNode node = new ComponentNode(definitionName(c.getClass()), p.parent(), p.loc());
        if (p.parent() == null) top = node;
        frames.push(new Frame(node, c, p.domain()));
        return node;
    }

    private static String definitionName(Class<?> type) {
        while (type.isAnonymousClass()) type = type.getSuperclass();
        return type.getSimpleName();
    }

    private void finishComponent(Component c) {
        Frame f = frames.peek();
        if (f == null || f.node != c.node()) {
            throw new IllegalStateException("component stack out of order at " + Sites.loc());
        }
        if (f.blocks.size() != 1) throw new IllegalStateException("unclosed when/switch block in " + f.node.path());
        Naming.nameComponent(c, f.bundles);
        frames.pop();
    }

    private Frame frame() {
        Frame f = frames.peek();
        if (f == null) throw new IllegalStateException("no component under construction: hardware must be built inside a Component constructor");
        return f;
    }

    ComponentNode component() { return frame().node; }

    /** Best-effort naming of the components still under construction, so an early error can name its signal. */
    void nameOpenComponents() {
        for (Frame f : frames) Naming.nameFields(f.component);
    }

    void addStmt(Stmt s) { frame().blocks.peek().add(s); }

    boolean namesOperators() { return frame().namesOperators; }

    /** The prefix of the named areas open now, or null (also when no component is under construction). */
    String areaPrefix() {
        Frame f = frames.peek();
        return f == null ? null : f.area;
    }

    <T> T inArea(String name, java.util.function.Supplier<T> body) {
        Frame f = frame();
        String saved = f.area;
        f.area = saved == null ? name : saved + "_" + name;
        try {
            return body.get();
        } finally {
            f.area = saved;
        }
    }

    void bundleCreated(Bundle b) {
        Frame f = frames.peek();
        if (f != null) f.bundles.add(b);
    }

    void inBlock(Block b, Runnable body) {
        Frame f = frame();
        f.blocks.push(b);
        try {
            body.run();
        } finally {
            f.blocks.pop();
        }
    }

    /** The clock domain registers created now belong to; the default domain (clk, async active-high reset) if none. */
    Domain domain() {
        Frame f = frame();
        if (f.domain == null) f.domain = defaultDomain();
        return f.domain;
    }

    void inDomain(Domain d, Runnable body) {
        Frame f = frame();
        Domain saved = f.domain;
        f.domain = d;
        try {
            body.run();
        } finally {
            f.domain = saved;
        }
    }

    private Domain defaultDomain() {
        if (defaultDomain == null) defaultDomain = newExternalDomain("clk", "clk", "reset", Domain.ResetKind.ASYNC, Domain.Polarity.HIGH, null, 10.0);
        return defaultDomain;
    }

    /** A domain whose clock and reset are inputs of the top (created as ports only when something uses them). */
    Domain newExternalDomain(String name, String clockName, String resetName, Domain.ResetKind kind,
                             Domain.Polarity polarity, String enableName, double periodNs) {
        Signal clock = topInput(clockName);
        Signal reset = resetName == null ? null : topInput(resetName);
        Signal enable = enableName == null ? null : topInput(enableName);
        Domain d = new Domain(name, clock, reset, kind, polarity, enable, Domain.Edge.RISING, periodNs);
        domains.add(d);
        return d;
    }

    Domain newInternalDomain(String name, Signal clock, Signal reset, Domain.ResetKind kind, Domain.Polarity polarity,
                             Signal enable, double periodNs) {
        Domain d = new Domain(name, clock, reset, kind, polarity, enable, Domain.Edge.RISING, periodNs);
        domains.add(d);
        return d;
    }

    private Signal topInput(String name) {
        ComponentNode t = top;
        if (t == null) throw new IllegalStateException("clock domains are created inside the top component");
        Signal s = new Signal(Signal.Kind.IN, 1, t, Sites.loc(), null, null);
        s.setName(name, NameSource.EXPLICIT);
        return s;
    }

    /** A new combinational signal in the current component, named after the local variable that receives it. */
    Signal newSignal(int width) {
        ComponentNode owner = component();
        Sites.Site site = Sites.site();
        Signal s = new Signal(Signal.Kind.WIRE, width, owner, site.loc(), null, null);
        if (site.name() != null) s.setName(site.name(), site.source());
        owner.signals().add(s);
        return s;
    }
}
