package dev.spindle.sim.semantics;

import dev.spindle.hdl.BaseType;
import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Hdl;
import dev.spindle.hdl.Mem;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.UInt;
import dev.spindle.hdl.Vec;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A random integer expression: its hardware (built with Spindle's operators) and its value computed independently
 * from the documented rules with {@code BigInteger} (nothing here calls the HDL to find a value). Values are unsigned
 * bit patterns of {@link #width}; {@link #signed} says whether the hardware type is SInt.
 */
abstract class RandomExpr {
    final boolean signed;
    final int width;

    RandomExpr(boolean signed, int width) {
        this.signed = signed;
        this.width = width;
    }

    /** The hardware, given the design's input operands (UInt or SInt). */
    abstract BaseType build(List<BaseType> inputs);

    /** The value for the inputs' values (unsigned bit patterns). */
    abstract BigInteger eval(BigInteger[] in);

    abstract String text();

    @Override public String toString() { return text(); }

    // ---- the documented rules -------------------------------------------------------------------------------

    static BigInteger mask(int w) { return BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE); }

    /** The value of a w-bit pattern, signed or not. */
    static BigInteger value(BigInteger bits, int w, boolean signed) {
        return signed && bits.testBit(w - 1) ? bits.subtract(BigInteger.ONE.shiftLeft(w)) : bits;
    }

    static BigInteger pattern(BigInteger v, int w) { return v.and(mask(w)); }

    /** Extension to w bits the way the type extends (sign or zero). */
    static BigInteger ext(BigInteger bits, int from, int to, boolean signed) { return pattern(value(bits, from, signed), to); }

    static BigInteger clamp(BigInteger v, BigInteger lo, BigInteger hi) { return v.max(lo).min(hi); }

    static BigInteger minOf(int w, boolean signed) { return signed ? BigInteger.ONE.shiftLeft(w - 1).negate() : BigInteger.ZERO; }

    static BigInteger maxOf(int w, boolean signed) { return (signed ? BigInteger.ONE.shiftLeft(w - 1) : BigInteger.ONE.shiftLeft(w)).subtract(BigInteger.ONE); }

    static BigInteger bit(boolean b) { return b ? BigInteger.ONE : BigInteger.ZERO; }

    // ---- leaves ---------------------------------------------------------------------------------------------

    static final class Input extends RandomExpr {
        final int index;

        Input(int index, boolean signed, int width) {
            super(signed, width);
            this.index = index;
        }

        @Override BaseType build(List<BaseType> inputs) { return inputs.get(index); }

        @Override BigInteger eval(BigInteger[] in) { return in[index]; }

        @Override String text() { return "in" + index + (signed ? ":s" : ":u") + width; }
    }

    static final class Literal extends RandomExpr {
        final BigInteger bits;

        Literal(BigInteger bits, boolean signed, int width) {
            super(signed, width);
            this.bits = bits;
        }

        @Override BaseType build(List<BaseType> inputs) {
            return signed ? SInt.lit(value(bits, width, true), width) : UInt.lit(bits, width);
        }

        @Override BigInteger eval(BigInteger[] in) { return bits; }

        @Override String text() { return value(bits, width, signed) + (signed ? ":s" : ":u") + width; }
    }

    // ---- operators ------------------------------------------------------------------------------------------

    /** An operator: {@code hw} builds it from the operands' hardware, {@code rule} computes it from their values. */
    static final class Apply extends RandomExpr {
        interface Hw { BaseType build(BaseType[] a); }
        interface Rule { BigInteger eval(BigInteger[] a); }

        final String name;
        final RandomExpr[] args;
        final Hw hw;
        final Rule rule;

        Apply(String name, boolean signed, int width, Hw hw, Rule rule, RandomExpr... args) {
            super(signed, width);
            this.name = name;
            this.args = args;
            this.hw = hw;
            this.rule = rule;
        }

        @Override BaseType build(List<BaseType> inputs) {
            BaseType[] a = new BaseType[args.length];
            for (int i = 0; i < args.length; i++) a[i] = args[i].build(inputs);
            BaseType r = hw.build(a);
            if (r.width() != width) throw new IllegalStateException(name + ": hardware width " + r.width() + ", documented " + width);
            return r;
        }

        @Override BigInteger eval(BigInteger[] in) {
            BigInteger[] a = new BigInteger[args.length];
            for (int i = 0; i < args.length; i++) a[i] = args[i].eval(in);
            BigInteger r = rule.eval(a);
            if (r.signum() < 0 || r.bitLength() > width) throw new IllegalStateException(name + ": rule gave " + r + " for " + width + " bits");
            return r;
        }

        @Override String text() {
            StringBuilder sb = new StringBuilder(name).append('(');
            for (int i = 0; i < args.length; i++) sb.append(i > 0 ? ", " : "").append(args[i].text());
            return sb.append(')').toString();
        }
    }

    // ---- the generator --------------------------------------------------------------------------------------

    /** Draws expressions over a growing list of input operands. */
    static final class Generator {
        final Random rnd;
        final List<Input> inputs = new ArrayList<>();
        final List<String> used = new ArrayList<>();
        private final int maxInputs;

        Generator(Random rnd, int maxInputs) {
            this.rnd = rnd;
            this.maxInputs = maxInputs;
        }

        int width() {
            int r = rnd.nextInt(10);
            if (r < 4) return 1 + rnd.nextInt(8);
            if (r < 7) return 1 + rnd.nextInt(32);
            return 1 + rnd.nextInt(70);
        }

        RandomExpr leaf(boolean signed, int width) {
            if (rnd.nextInt(5) == 0) {
                BigInteger bits = rnd.nextInt(3) == 0 ? (rnd.nextBoolean() ? BigInteger.ZERO : mask(width)) : new BigInteger(width, rnd);
                return new Literal(bits, signed, width);
            }
            for (Input in : inputs) if (in.signed == signed && in.width == width && rnd.nextInt(3) == 0) return in;
            if (inputs.size() >= maxInputs) {
                Input in = inputs.get(rnd.nextInt(inputs.size()));
                return resize(in, signed, width);
            }
            Input in = new Input(inputs.size(), signed, width);
            inputs.add(in);
            return in;
        }

        /** {@code e} as the given type and width: a resize, and a reinterpretation when the signedness differs. */
        RandomExpr resize(RandomExpr e, boolean signed, int width) {
            RandomExpr r = e;
            if (r.width != width) {
                final RandomExpr src = r;
                r = new Apply("resize" + width, src.signed, width, a -> src.signed ? ((SInt) a[0]).resize(width) : ((UInt) a[0]).resize(width),
                        a -> src.width >= width ? pattern(a[0], width) : ext(a[0], src.width, width, src.signed), src);
            }
            if (r.signed != signed) r = reinterpret(r, signed);
            return r;
        }

        RandomExpr reinterpret(RandomExpr e, boolean signed) {
            return new Apply(signed ? "asSInt" : "asUInt", signed, e.width,
                    a -> signed ? ((UInt) a[0]).asSInt() : ((SInt) a[0]).asUInt(), a -> a[0], e);
        }

        RandomExpr expr(int depth) { return expr(depth, rnd.nextBoolean(), width()); }

        /** An expression of roughly the given type; its width follows the operator's rule. */
        RandomExpr expr(int depth, boolean signed, int w) {
            if (depth == 0) return leaf(signed, w);
            RandomExpr a = expr(depth - 1, signed, w);
            int op = rnd.nextInt(34);
            RandomExpr e = operator(op, depth, a, signed);
            used.add(e instanceof Apply ap ? ap.name.replaceAll("[0-9]+$", "") : "leaf");
            // Keep results small enough for the ports: wide products are cut back.
            return e.width > 140 ? resize(e, e.signed, 1 + rnd.nextInt(70)) : e;
        }

        /** A second operand of a's type (signedness), of its own width. */
        private RandomExpr other(int depth, RandomExpr a) {
            RandomExpr e = expr(Math.max(0, depth - 2), a.signed, width());
            return resize(e, a.signed, e.width);
        }

        /** A UInt expression of exactly {@code w} bits. */
        private RandomExpr unsigned(int depth, int w) { return resize(expr(Math.max(0, depth - 2), false, w), false, w); }

        private RandomExpr operator(int op, int depth, RandomExpr a, boolean signed) {
            int w = a.width;
            boolean s = a.signed;
            switch (op) {
                case 0, 1 -> {
                    RandomExpr b = other(depth, a);
                    int rw = Math.max(w, b.width);
                    return new Apply("add", s, rw, x -> s ? ((SInt) x[0]).add((SInt) x[1]) : ((UInt) x[0]).add((UInt) x[1]),
                            x -> pattern(value(x[0], w, s).add(value(x[1], b.width, s)), rw), a, b);
                }
                case 2 -> {
                    RandomExpr b = other(depth, a);
                    int rw = Math.max(w, b.width);
                    return new Apply("sub", s, rw, x -> s ? ((SInt) x[0]).sub((SInt) x[1]) : ((UInt) x[0]).sub((UInt) x[1]),
                            x -> pattern(value(x[0], w, s).subtract(value(x[1], b.width, s)), rw), a, b);
                }
                case 3 -> {
                    RandomExpr b = other(depth, a);
                    int rw = Math.max(w, b.width) + 1;
                    return new Apply("addExpand", s, rw, x -> s ? ((SInt) x[0]).addExpand((SInt) x[1]) : ((UInt) x[0]).addExpand((UInt) x[1]),
                            x -> pattern(value(x[0], w, s).add(value(x[1], b.width, s)), rw), a, b);
                }
                case 4 -> {
                    RandomExpr b = other(depth, a);
                    int rw = Math.max(w, b.width) + 1;
                    return new Apply("subExpand", s, rw, x -> s ? ((SInt) x[0]).subExpand((SInt) x[1]) : ((UInt) x[0]).subExpand((UInt) x[1]),
                            x -> pattern(value(x[0], w, s).subtract(value(x[1], b.width, s)), rw), a, b);
                }
                case 5 -> {
                    RandomExpr b = other(depth, a);
                    int rw = w + b.width;
                    return new Apply("mul", s, rw, x -> s ? ((SInt) x[0]).mul((SInt) x[1]) : ((UInt) x[0]).mul((UInt) x[1]),
                            x -> pattern(value(x[0], w, s).multiply(value(x[1], b.width, s)), rw), a, b);
                }
                case 6 -> {
                    RandomExpr b = other(depth, a);
                    return new Apply("div", s, w, x -> s ? ((SInt) x[0]).div((SInt) x[1]) : ((UInt) x[0]).div((UInt) x[1]), x -> {
                        BigInteger d = value(x[1], b.width, s);
                        return d.signum() == 0 ? BigInteger.ZERO : pattern(value(x[0], w, s).divide(d), w);   // truncating, /0 = 0
                    }, a, b);
                }
                case 7 -> {
                    RandomExpr b = other(depth, a);
                    return new Apply("mod", s, b.width, x -> s ? ((SInt) x[0]).mod((SInt) x[1]) : ((UInt) x[0]).mod((UInt) x[1]), x -> {
                        BigInteger d = value(x[1], b.width, s);
                        return d.signum() == 0 ? BigInteger.ZERO : pattern(value(x[0], w, s).remainder(d), b.width);  // dividend's sign, %0 = 0
                    }, a, b);
                }
                case 8, 9, 10 -> {
                    RandomExpr b = other(depth, a);
                    int rw = Math.max(w, b.width);
                    String[] names = {"and", "or", "xor"};
                    int k = op - 8;
                    return new Apply(names[k], s, rw, x -> switch (k) {
                        case 0 -> s ? ((SInt) x[0]).and((SInt) x[1]) : ((UInt) x[0]).and((UInt) x[1]);
                        case 1 -> s ? ((SInt) x[0]).or((SInt) x[1]) : ((UInt) x[0]).or((UInt) x[1]);
                        default -> s ? ((SInt) x[0]).xor((SInt) x[1]) : ((UInt) x[0]).xor((UInt) x[1]);
                    }, x -> {
                        BigInteger p = ext(x[0], w, rw, s);
                        BigInteger q = ext(x[1], b.width, rw, s);
                        return k == 0 ? p.and(q) : k == 1 ? p.or(q) : p.xor(q);
                    }, a, b);
                }
                case 11 -> {
                    return new Apply("not", s, w, x -> s ? ((SInt) x[0]).not() : ((UInt) x[0]).not(), x -> x[0].xor(mask(w)), a);
                }
                case 12 -> {
                    if (!s) return operator(11, depth, a, signed);
                    return new Apply("neg", true, w, x -> ((SInt) x[0]).neg(), x -> pattern(x[0].negate(), w), a);
                }
                case 13 -> {
                    if (!s) return operator(29, depth, a, signed);
                    return new Apply("abs", false, w, x -> ((SInt) x[0]).abs(), x -> pattern(value(x[0], w, true).abs(), w), a);
                }
                case 14, 15 -> {
                    RandomExpr b = other(depth, a);
                    int rw = Math.max(w, b.width);
                    boolean add = op == 14;
                    return new Apply(add ? "addSat" : "subSat", s, rw,
                            x -> s ? (add ? ((SInt) x[0]).addSat((SInt) x[1]) : ((SInt) x[0]).subSat((SInt) x[1]))
                                    : (add ? ((UInt) x[0]).addSat((UInt) x[1]) : ((UInt) x[0]).subSat((UInt) x[1])),
                            x -> {
                                BigInteger p = value(x[0], w, s), q = value(x[1], b.width, s);
                                return pattern(clamp(add ? p.add(q) : p.subtract(q), minOf(rw, s), maxOf(rw, s)), rw);
                            }, a, b);
                }
                case 16 -> {
                    int n = rnd.nextInt(w + 3);
                    return new Apply("sll" + n, s, w, x -> s ? ((SInt) x[0]).sll(n) : ((UInt) x[0]).sll(n), x -> pattern(x[0].shiftLeft(n), w), a);
                }
                case 17 -> {
                    int n = rnd.nextInt(w + 3);
                    return new Apply("srl" + n, s, w, x -> s ? ((SInt) x[0]).srl(n) : ((UInt) x[0]).srl(n), x -> x[0].shiftRight(n), a);
                }
                case 18 -> {
                    if (!s) return operator(17, depth, a, signed);
                    int n = rnd.nextInt(w + 3);
                    return new Apply("sra" + n, true, w, x -> ((SInt) x[0]).sra(n), x -> pattern(value(x[0], w, true).shiftRight(n), w), a);
                }
                case 19 -> {
                    int n = rnd.nextInt(6);
                    return new Apply("shl" + n, s, w + n, x -> s ? ((SInt) x[0]).shl(n) : ((UInt) x[0]).shl(n), x -> x[0].shiftLeft(n), a);
                }
                case 20 -> {
                    if (w == 1) return operator(19, depth, a, signed);
                    int n = rnd.nextInt(w);
                    return new Apply("shr" + n, s, w - n, x -> s ? ((SInt) x[0]).shr(n) : ((UInt) x[0]).shr(n), x -> x[0].shiftRight(n), a);
                }
                case 21, 22, 23 -> {
                    // A shift by a hardware amount; amounts up to 70 bits wide, literal ones too.
                    RandomExpr amount = rnd.nextInt(4) == 0 ? literalAmount(w) : unsigned(depth, 1 + rnd.nextInt(rnd.nextBoolean() ? 7 : 70));
                    int k = op == 23 ? (s ? 2 : 1) : op - 21;
                    String[] names = {"sllBy", "srlBy", "sraBy"};
                    return new Apply(names[k], s, w, x -> switch (k) {
                        case 0 -> s ? ((SInt) x[0]).sll((UInt) x[1]) : ((UInt) x[0]).sll((UInt) x[1]);
                        case 1 -> s ? ((SInt) x[0]).srl((UInt) x[1]) : ((UInt) x[0]).srl((UInt) x[1]);
                        default -> ((SInt) x[0]).sra((UInt) x[1]);
                    }, x -> {
                        int n = x[1].min(BigInteger.valueOf(w)).intValue();
                        return k == 0 ? pattern(x[0].shiftLeft(n), w) : k == 1 ? x[0].shiftRight(n) : pattern(value(x[0], w, true).shiftRight(n), w);
                    }, a, amount);
                }
                case 24 -> {
                    int lo = rnd.nextInt(w);
                    int hi = lo + rnd.nextInt(w - lo);
                    return new Apply("bits" + hi + "_" + lo, s, hi - lo + 1, x -> s ? ((SInt) x[0]).bits(hi, lo) : ((UInt) x[0]).bits(hi, lo),
                            x -> x[0].shiftRight(lo).and(mask(hi - lo + 1)), a);
                }
                case 25 -> {
                    return resize(a, s, width());
                }
                case 26 -> {
                    RandomExpr b = expr(Math.max(0, depth - 2));
                    int rw = w + b.width;
                    return new Apply("cat", false, rw, x -> Hdl.cat(x[0], x[1]).asUInt(), x -> x[0].shiftLeft(b.width).or(x[1]), a, b);
                }
                case 27 -> {
                    RandomExpr c = unsigned(depth, 1);
                    RandomExpr b = resize(other(depth, a), s, w);
                    return new Apply("mux", s, w, x -> Hdl.mux(((UInt) x[0]).bit(0), x[1], x[2]), x -> x[0].signum() != 0 ? x[1] : x[2], c, a, b);
                }
                case 28 -> {
                    RandomExpr b = other(depth, a);
                    int k = rnd.nextInt(6);
                    String[] names = {"eq", "ne", "lt", "le", "gt", "ge"};
                    return new Apply(names[k], false, 1, x -> asUInt(compare(k, x[0], x[1], s)), x -> {
                        BigInteger p = value(x[0], w, s), q = value(x[1], b.width, s);
                        int c = p.compareTo(q);
                        return bit(switch (k) { case 0 -> c == 0; case 1 -> c != 0; case 2 -> c < 0; case 3 -> c <= 0; case 4 -> c > 0; default -> c >= 0; });
                    }, a, b);
                }
                case 29 -> {
                    int k = rnd.nextInt(3);
                    String[] names = {"orR", "andR", "xorR"};
                    return new Apply(names[k], false, 1, x -> asUInt(k == 0 ? ((dev.spindle.hdl.BitVector<?>) x[0]).orR()
                            : k == 1 ? ((dev.spindle.hdl.BitVector<?>) x[0]).andR() : ((dev.spindle.hdl.BitVector<?>) x[0]).xorR()),
                            x -> bit(k == 0 ? x[0].signum() != 0 : k == 1 ? x[0].equals(mask(w)) : x[0].bitCount() % 2 == 1), a);
                }
                case 30 -> {
                    int n = rnd.nextInt(2 * w + 1) - w;
                    int kk = Math.floorMod(n, w);
                    if (rnd.nextBoolean()) {
                        return new Apply("rotl" + n, s, w, x -> s ? ((SInt) x[0]).rotl(n) : ((UInt) x[0]).rotl(n),
                                x -> pattern(x[0].shiftLeft(kk).or(x[0].shiftRight(w - kk)), w), a);
                    }
                    return new Apply("reversed", s, w, x -> s ? ((SInt) x[0]).reversed() : ((UInt) x[0]).reversed(), x -> {
                        BigInteger r = BigInteger.ZERO;
                        for (int i = 0; i < w; i++) if (x[0].testBit(i)) r = r.setBit(w - 1 - i);
                        return r;
                    }, a);
                }
                case 31 -> {
                    if (s) return reinterpret(a, false);
                    if (rnd.nextBoolean()) return reinterpret(a, true);   // same bits read as signed
                    return new Apply("toSInt", true, w + 1, x -> ((UInt) x[0]).toSInt(), x -> x[0], a);
                }
                case 32 -> {
                    // A comparison with a Java long (a literal of a fitting width).
                    long lit = s ? rnd.nextInt(41) - 20 : rnd.nextInt(40);
                    int k = rnd.nextInt(6);
                    String[] names = {"eqL", "neL", "ltL", "leL", "gtL", "geL"};
                    return new Apply(names[k] + lit, false, 1, x -> asUInt(compareLong(k, x[0], lit, s)), x -> {
                        int c = value(x[0], w, s).compareTo(BigInteger.valueOf(lit));
                        return bit(switch (k) { case 0 -> c == 0; case 1 -> c != 0; case 2 -> c < 0; case 3 -> c <= 0; case 4 -> c > 0; default -> c >= 0; });
                    }, a);
                }
                default -> {
                    return rnd.nextBoolean() ? vecRead(depth, a) : romRead(depth);
                }
            }
        }

        private RandomExpr literalAmount(int w) {
            int aw = 1 + rnd.nextInt(70);
            BigInteger v = rnd.nextBoolean() ? BigInteger.valueOf(rnd.nextInt(w + 2)).and(mask(aw)) : new BigInteger(aw, rnd);
            return new Literal(v, false, aw);
        }

        /** {@code Vec.read}: k elements of a's type, read at a UInt index (out of range: the last). */
        private RandomExpr vecRead(int depth, RandomExpr a) {
            int k = 1 + rnd.nextInt(9);
            RandomExpr[] args = new RandomExpr[k + 1];
            args[0] = unsigned(depth, 1 + rnd.nextInt(5));
            args[1] = a;
            for (int i = 2; i <= k; i++) args[i] = resize(other(depth, a), a.signed, a.width);
            boolean s = a.signed;
            int w = a.width;
            return new Apply("vecRead" + k, s, w, x -> {
                @SuppressWarnings({"unchecked", "rawtypes"})
                Vec<BaseType> vec = Vec.of((dev.spindle.hdl.HardType) (s ? SInt.type(w) : UInt.type(w)), k);
                for (int i = 0; i < k; i++) vec.get(i).assign(x[i + 1]);
                return vec.read((UInt) x[0]);
            }, x -> {
                int i = x[0].min(BigInteger.valueOf(k - 1)).intValue();
                return x[i + 1];
            }, args);
        }

        /** A ROM (a Mem with initial content) read asynchronously at a UInt address of the exact address width. */
        private RandomExpr romRead(int depth) {
            int abits = 1 + rnd.nextInt(4);
            int w = width();
            BigInteger[] init = new BigInteger[1 << abits];
            for (int i = 0; i < init.length; i++) init[i] = new BigInteger(w, rnd);
            RandomExpr addr = unsigned(depth, abits);
            return new Apply("rom" + init.length, false, w, x -> Mem.of(UInt.type(w), init).readAsync((UInt) x[0]),
                    x -> init[x[0].intValue()], addr);
        }

        private static Bool compare(int k, BaseType a, BaseType b, boolean s) {
            if (s) {
                SInt p = (SInt) a, q = (SInt) b;
                return switch (k) { case 0 -> p.eq(q); case 1 -> p.ne(q); case 2 -> p.lt(q); case 3 -> p.le(q); case 4 -> p.gt(q); default -> p.ge(q); };
            }
            UInt p = (UInt) a, q = (UInt) b;
            return switch (k) { case 0 -> p.eq(q); case 1 -> p.ne(q); case 2 -> p.lt(q); case 3 -> p.le(q); case 4 -> p.gt(q); default -> p.ge(q); };
        }

        private static Bool compareLong(int k, BaseType a, long v, boolean s) {
            if (s) {
                SInt p = (SInt) a;
                return switch (k) { case 0 -> p.eq(v); case 1 -> p.ne(v); case 2 -> p.lt(v); case 3 -> p.le(v); case 4 -> p.gt(v); default -> p.ge(v); };
            }
            UInt p = (UInt) a;
            return switch (k) { case 0 -> p.eq(v); case 1 -> p.ne(v); case 2 -> p.lt(v); case 3 -> p.le(v); case 4 -> p.gt(v); default -> p.ge(v); };
        }

        private static UInt asUInt(Bool b) { return b.asBits().asUInt(); }
    }
}
