package dev.spindle.hdl;

import dev.spindle.hdl.ir.HdlError;
import dev.spindle.hdl.ir.Signal;
import dev.spindle.hdl.ir.SourceLoc;

/** Errors raised while the user's code runs (the rest are found by the passes in {@code dev.spindle.hdl.check}). */
final class Checks {
    private Checks() {}

    static HdlError widthMismatch(BaseType target, int expected, int actual) {
        return new HdlError(HdlError.Kind.WIDTH_MISMATCH, "(" + expected + " bits <- " + actual + " bits) on "
                + describe(target) + ": resize explicitly (resize, bits(hi, lo), or a fixed-point resize)", Sites.loc());
    }

    static HdlError typeMismatch(BaseType target, Data value) {
        String got = value instanceof BaseType b ? b.typeName() : value.getClass().getSimpleName();
        return new HdlError(HdlError.Kind.TYPE_MISMATCH, "(" + target.typeName() + " <- " + got + ") on " + describe(target)
                + ": convert explicitly (asUInt, asSInt, asBits, toSInt)", Sites.loc());
    }

    static HdlError operandWidth(String op, BaseType a, BaseType b) {
        return new HdlError(HdlError.Kind.WIDTH_MISMATCH, "(" + a.width() + " bits " + op + " " + b.width() + " bits): "
                + describe(a) + " and " + describe(b) + " must have the same width", Sites.loc());
    }

    /** Names a value in a message, naming the components under construction first so ports have their names. */
    static String describe(BaseType d) {
        if (d.node() instanceof Signal s) return describe(s);
        return "an expression of type " + d.typeName();
    }

    static String describe(Signal s) {
        if (s.name() == null && Elaboration.active()) Elaboration.current().nameOpenComponents();
        String name = s.name();
        String where = s.owner() == null ? "" : s.owner().path() + "/";
        // While the component is still being built its io is not yet resolved into ports: say only what is known.
        String kind = s.kind() == Signal.Kind.WIRE ? "" : " : " + kindName(s);
        return name != null ? where + name + kind + "[" + s.width() + "]"
                : "an unnamed " + kindName(s) + "[" + s.width() + "] declared at " + s.loc();
    }

    private static String kindName(Signal s) {
        return switch (s.kind()) {
            case IN -> "in";
            case OUT -> "out";
            case WIRE -> "wire";
            case REG -> "reg";
        };
    }
}
