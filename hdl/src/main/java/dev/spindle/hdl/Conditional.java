package dev.spindle.hdl;

import dev.spindle.hdl.ir.SourceLoc;
import dev.spindle.hdl.ir.When;

/** The rest of a {@code when(...)}: {@code .elseWhen(cond, body)} and {@code .otherwise(body)}, called right away. */
public final class Conditional {
    private final Elaboration elaboration;
    private final When when;
    private boolean closed;

    Conditional(Elaboration elaboration, When when) {
        this.elaboration = elaboration;
        this.when = when;
    }

    public Conditional elseWhen(Bool cond, Runnable body) {
        close();
        When inner = new When(cond.node(), Sites.loc());
        when.otherwise().add(inner);
        elaboration.inBlock(inner.then(), body);
        return new Conditional(elaboration, inner);
    }

    public void otherwise(Runnable body) {
        close();
        elaboration.inBlock(when.otherwise(), body);
    }

    private void close() {
        if (closed) throw new IllegalStateException("this when already has its else branch, at " + Sites.loc());
        closed = true;
    }
}
