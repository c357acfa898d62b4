package dev.spindle.hdl;

import dev.spindle.hdl.ir.Const;
import dev.spindle.hdl.ir.HdlError;
import dev.spindle.hdl.ir.SourceLoc;
import dev.spindle.hdl.ir.Switch;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Cases of a {@code switchOn(selector)}: {@code .is(value..., body)} then optionally {@code .dflt(body)}. */
public final class SwitchBuilder {
    private final Elaboration elaboration;
    private final Switch sw;
    private final Set<BigInteger> seen = new HashSet<>();
    private boolean hasDefault;

    /** A signed selector (SInt, SFix) takes case values from -2^(w-1) to 2^(w-1) - 1, else from 0 to 2^w - 1. */
    private final boolean signed;

    SwitchBuilder(Elaboration elaboration, Switch sw, boolean signed) {
        this.elaboration = elaboration;
        this.sw = sw;
        this.signed = signed;
    }

    /** A case for one or more integer values of the selector. */
    public SwitchBuilder is(long value, Runnable body) { return is(new long[] {value}, body); }

    public SwitchBuilder is(long[] values, Runnable body) {
        List<Const> consts = new ArrayList<>();
        int w = sw.selector().width();
        for (long v : values) {
            BigInteger b = BigInteger.valueOf(v);
            BigInteger min = signed ? BigInteger.ONE.shiftLeft(w - 1).negate() : BigInteger.ZERO;
            BigInteger max = (signed ? BigInteger.ONE.shiftLeft(w - 1) : BigInteger.ONE.shiftLeft(w)).subtract(BigInteger.ONE);
            if (b.compareTo(min) < 0 || b.compareTo(max) > 0) {
                throw new HdlError(HdlError.Kind.INVALID, "switch case " + v + " does not fit the " + w + "-bit " + (signed ? "signed " : "")
                        + "selector (allowed " + min + " to " + max + ")", Sites.loc());
            }
            if (b.signum() < 0) b = b.add(BigInteger.ONE.shiftLeft(w));   // two's complement bit pattern
            if (!seen.add(b)) throw new HdlError(HdlError.Kind.INVALID, "switch case " + v + " appears twice", Sites.loc());
            consts.add(new Const(b, w));
        }
        return addCase(consts, body);
    }

    /** A case for a literal of the selector's type (e.g. an enum state). */
    public SwitchBuilder is(BaseType literal, Runnable body) {
        if (!(literal.node() instanceof Const c) || c.width() != sw.selector().width()) {
            throw new HdlError(HdlError.Kind.INVALID, "switch case must be a literal of the selector's width", Sites.loc());
        }
        if (!seen.add(c.value())) throw new HdlError(HdlError.Kind.INVALID, "switch case " + c.value() + " appears twice", Sites.loc());
        return addCase(List.of(c), body);
    }

    private SwitchBuilder addCase(List<Const> values, Runnable body) {
        if (hasDefault) throw new IllegalStateException("switch case after dflt, at " + Sites.loc());
        Switch.Case c = new Switch.Case(values, new dev.spindle.hdl.ir.Block());
        sw.cases().add(c);
        elaboration.inBlock(c.body(), body);
        return this;
    }

    /** The default case. */
    public void dflt(Runnable body) {
        if (hasDefault) throw new IllegalStateException("switch already has a default, at " + Sites.loc());
        hasDefault = true;
        elaboration.inBlock(sw.dflt(), body);
    }
}
