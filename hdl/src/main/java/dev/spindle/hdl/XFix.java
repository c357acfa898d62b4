package dev.spindle.hdl;

import dev.spindle.hdl.ir.Node;

import java.util.function.BiFunction;

/**
 * What {@link SFix} and {@link UFix} share (SpinalHDL's {@code XFix}): a {@link FixFormat} whose width is the raw's,
 * checked once here, and the rule that values of different formats (signed and unsigned included) are never
 * assigned or muxed into one another without an explicit conversion.
 */
public abstract sealed class XFix extends BaseType permits SFix, UFix {
    final FixFormat format;

    XFix(Node node, FixFormat format, boolean signed) {
        super(node);
        SFix.requireSigned(format, signed);
        if (node.width() != format.width()) {
            throw new IllegalStateException(format + " needs " + format.width() + " bits, the node has " + node.width());
        }
        this.format = format;
    }

    public final FixFormat format() { return format; }

    // Comparisons are exact: both raws at the larger fraction count, signed unless both operands are unsigned.
    public final Bool lt(XFix b) { return aligned(b, SInt::lt, UInt::lt); }

    public final Bool le(XFix b) { return aligned(b, SInt::le, UInt::le); }

    public final Bool gt(XFix b) { return aligned(b, SInt::gt, UInt::gt); }

    public final Bool ge(XFix b) { return aligned(b, SInt::ge, UInt::ge); }

    public final Bool eq(XFix b) { return aligned(b, SInt::eq, UInt::eq); }

    public final Bool ne(XFix b) { return aligned(b, SInt::ne, UInt::ne); }

    private <R> R aligned(XFix b, BiFunction<SInt, SInt, R> signed, BiFunction<UInt, UInt, R> unsigned) {
        int frac = Math.max(format.fracBits(), b.format.fracBits());
        if (this instanceof UFix x && b instanceof UFix y) {
            return unsigned.apply(x.raw().shl(frac - x.format.fracBits()), y.raw().shl(frac - y.format.fracBits()));
        }
        SFix x = this instanceof UFix u ? u.toSFix() : (SFix) this;
        SFix y = b instanceof UFix u ? u.toSFix() : (SFix) b;
        return signed.apply(x.raw().shl(frac - x.format.fracBits()), y.raw().shl(frac - y.format.fracBits()));
    }

    @Override final String typeName() { return format.toString(); }

    @Override
    public void assign(Data value) {
        if (value instanceof XFix x && x.getClass() != getClass()) throw SFix.formatMismatch(this, x.format);
        super.assign(value);
    }

    @Override
    final void checkSameFormat(BaseType value) {
        FixFormat got = ((XFix) value).format;
        if (!got.equals(format)) throw SFix.formatMismatch(this, got);
    }
}
