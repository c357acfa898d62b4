package dev.spindle.sim.semantics;

import dev.spindle.hdl.BaseType;
import dev.spindle.hdl.Bits;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.Component;
import dev.spindle.hdl.Hdl;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.Spindle;
import dev.spindle.hdl.UInt;
import dev.spindle.hdl.verilog.Lint;
import dev.spindle.hdl.verilog.VerilogBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random designs from every integer operator (widths 1 to 70, literals, Vec reads, ROMs, registers with reset
 * values, each design its own child component), batched into a few tops so that a handful of Verilator builds cover
 * hundreds of designs. Every cycle, Verilator's and Icarus's outputs are compared with values computed by
 * {@link RandomExpr} from the documented rules with {@code BigInteger}. {@code -Dspindle.fuzz.count=N} runs N
 * designs (default 300), {@code -Dspindle.fuzz.seed=S} another seed, {@code -Dspindle.fuzz.from=F} simulates only the
 * batches from design F on (the earlier ones are still drawn, so the later ones are the same); the seed is printed with
 * every failure, and a batch the lint gate refuses is reported with the designs that it refuses on their own.
 */
class RandomDesignTest {
    private static final int PER_TOP = 100;
    private static final int CYCLES = 16;

    @TempDir Path dir;

    /** One random design: its input operands, its outputs (each maybe registered, with its reset value). */
    record Design(int index, List<RandomExpr.Input> inputs, List<RandomExpr> outputs, List<BigInteger> inits) {
        int inWidth() { return inputs.stream().mapToInt(i -> i.width).sum(); }

        int outWidth() { return outputs.stream().mapToInt(e -> e.width).sum(); }

        boolean registered(int k) { return inits.get(k) != null; }

        String describe() {
            StringBuilder sb = new StringBuilder("design " + index + ": inputs " + inputs + "\n");
            for (int k = 0; k < outputs.size(); k++) {
                sb.append("  out").append(k).append(registered(k) ? " = RegNext(init " + inits.get(k) + ") of " : " = ").append(outputs.get(k)).append('\n');
            }
            return sb.toString();
        }
    }

    static Design generate(int index, Random rnd, Set<String> used) {
        RandomExpr.Generator g = new RandomExpr.Generator(rnd, 4);
        int n = 1 + rnd.nextInt(3);
        List<RandomExpr> outs = new ArrayList<>();
        List<BigInteger> inits = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            RandomExpr e = g.expr(1 + rnd.nextInt(3));
            outs.add(e);
            inits.add(rnd.nextInt(4) == 0 ? new BigInteger(e.width, rnd) : null);
        }
        if (g.inputs.isEmpty()) g.inputs.add(new RandomExpr.Input(0, false, 1));   // every design has an input port
        used.addAll(g.used);
        return new Design(index, List.copyOf(g.inputs), outs, inits);
    }

    /** The ports of a design and of a batch alike: its operands packed into {@code in}, its outputs into {@code out}. */
    static final class PackedIo extends Bundle {
        final Bits in;
        final Bits out;

        PackedIo(int inWidth, int outWidth) {
            in = in(Bits.type(inWidth));
            out = out(Bits.type(outWidth));
        }
    }

    /** One design as a component: its operands are slices of {@code io.in}, its outputs concatenated into {@code io.out}. */
    static final class Part extends Component {
        final PackedIo io;

        Part(Design d) {
            io = new PackedIo(d.inWidth(), d.outWidth());
            List<BaseType> inputs = new ArrayList<>();
            int off = 0;
            for (RandomExpr.Input in : d.inputs()) {
                Bits slice = io.in.bits(off + in.width - 1, off);
                inputs.add(in.signed ? slice.asSInt() : slice.asUInt());
                off += in.width;
            }
            BaseType[] values = new BaseType[d.outputs().size()];
            for (int k = 0; k < values.length; k++) {
                RandomExpr e = d.outputs().get(k);
                BaseType v = e.build(inputs);
                if (d.registered(k)) {
                    BigInteger init = d.inits().get(k);
                    BaseType lit = e.signed ? SInt.lit(RandomExpr.value(init, e.width, true), e.width) : UInt.lit(init, e.width);
                    v = Hdl.RegNext(v, lit);
                }
                values[k] = v;
            }
            io.out.assign(Hdl.cat(values));
        }
    }

    /** A batch of designs side by side: one model build for all of them. */
    static final class Batch extends Component {
        final PackedIo io;

        Batch(List<Design> designs) {
            io = new PackedIo(designs.stream().mapToInt(Design::inWidth).sum(), designs.stream().mapToInt(Design::outWidth).sum());
            int inOff = 0;
            int outOff = 0;
            Bits[] outs = new Bits[designs.size()];
            for (int i = 0; i < designs.size(); i++) {
                Design d = designs.get(i);
                Part p = child(() -> new Part(d));
                p.io.in.assign(io.in.bits(inOff + d.inWidth() - 1, inOff));
                inOff += d.inWidth();
                outs[designs.size() - 1 - i] = p.io.out;      // design 0 in the low bits
                outOff += d.outWidth();
            }
            io.out.assign(Hdl.cat(outs));
        }
    }

    /** Input values with the ends of the range drawn often. */
    static BigInteger stimulus(Random rnd, int w) {
        return switch (rnd.nextInt(8)) {
            case 0 -> BigInteger.ZERO;
            case 1 -> RandomExpr.mask(w);
            case 2 -> BigInteger.ONE;
            case 3 -> BigInteger.ONE.shiftLeft(w - 1);
            case 4 -> BigInteger.ONE.shiftLeft(w - 1).subtract(BigInteger.ONE);
            default -> new BigInteger(w, rnd);
        };
    }

    /** Every cycle's operands of every design of a batch: [cycle][design][operand]. */
    static List<BigInteger[][]> stimulus(Random rnd, List<Design> batch) {
        List<BigInteger[][]> cycles = new ArrayList<>();
        for (int c = 0; c < CYCLES; c++) {
            BigInteger[][] perDesign = new BigInteger[batch.size()][];
            for (int i = 0; i < batch.size(); i++) {
                List<RandomExpr.Input> ins = batch.get(i).inputs();
                perDesign[i] = new BigInteger[ins.size()];
                for (int k = 0; k < ins.size(); k++) perDesign[i][k] = stimulus(rnd, ins.get(k).width);
            }
            cycles.add(perDesign);
        }
        return cycles;
    }

    /** One cycle's operands packed into the batch's input word, design 0's first operand in the low bits. */
    static BigInteger pack(List<Design> batch, BigInteger[][] operands) {
        BigInteger word = BigInteger.ZERO;
        int off = 0;
        for (int i = 0; i < batch.size(); i++) {
            for (int k = 0; k < operands[i].length; k++) {
                word = word.or(operands[i][k].shiftLeft(off));
                off += batch.get(i).inputs().get(k).width;
            }
        }
        return word;
    }

    /** The designs of a refused batch that the lint gate refuses on their own, described, with the reasons. */
    private String refusedAlone(List<Design> batch) {
        StringBuilder sb = new StringBuilder();
        for (Design d : batch) {
            List<String> problems = Lint.check(VerilogBackend.emit(Spindle.elaborate(() -> new Part(d))), dir.resolve("alone" + d.index()));
            if (!problems.isEmpty()) sb.append(d.describe()).append(String.join("\n", problems)).append('\n');
        }
        return sb.isEmpty() ? "(none: only the batch as a whole)" : sb.toString();
    }

    @Test
    void verilatorAndIcarusComputeTheDocumentedValues() {
        int count = Integer.getInteger("spindle.fuzz.count", 300);
        long seed = Long.getLong("spindle.fuzz.seed", 9L);
        int first = Integer.getInteger("spindle.fuzz.from", 0);
        Random rnd = new Random(seed);
        Set<String> used = new TreeSet<>();
        List<Design> all = new ArrayList<>();
        for (int i = 0; i < count; i++) all.add(generate(i, rnd, used));

        long values = 0;
        List<String> mismatches = new ArrayList<>();
        List<String> lintFailures = new ArrayList<>();
        int tops = 0;
        int designs = 0;
        for (int from = 0; from < all.size(); from += PER_TOP) {
            List<Design> batch = all.subList(from, Math.min(all.size(), from + PER_TOP));
            List<BigInteger[][]> perDesignInputs = stimulus(rnd, batch);
            if (from + batch.size() <= first) continue;   // drawn all the same, so later batches replay exactly
            tops++;
            designs += batch.size();
            List<List<BigInteger>> inputs = perDesignInputs.stream().map(cycle -> List.of(pack(batch, cycle))).toList();
            TwoSimulators run;
            try {
                run = TwoSimulators.run(Spindle.elaborate(() -> new Batch(batch)), inputs, dir.resolve("top" + tops));
            } catch (IllegalStateException e) {
                if (!e.getMessage().contains("is not lint-clean")) throw e;
                // Counted and reported with the others: one refused batch must not hide the rest of the run.
                lintFailures.add("designs " + from + "-" + (from + batch.size() - 1) + ": " + e.getMessage()
                        + "\nrefused alone:\n" + refusedAlone(batch));
                System.out.printf("fuzz: top %d: designs %d-%d refused by the lint gate%n", tops, from, from + batch.size() - 1);
                continue;
            }
            for (int c = 0; c < CYCLES; c++) {
                BigInteger vOut = run.verilator().get(c).getFirst();
                BigInteger iOut = run.icarus().get(c).getFirst();
                int off = 0;
                for (int i = 0; i < batch.size(); i++) {
                    Design d = batch.get(i);
                    // Outputs are concatenated most significant first: the last output sits at the bottom.
                    int pos = off + d.outWidth();
                    for (int k = 0; k < d.outputs().size(); k++) {
                        RandomExpr e = d.outputs().get(k);
                        pos -= e.width;
                        BigInteger expected;
                        if (d.registered(k)) expected = c == 0 ? d.inits().get(k) : e.eval(perDesignInputs.get(c - 1)[i]);
                        else expected = e.eval(perDesignInputs.get(c)[i]);
                        BigInteger ver = vOut.shiftRight(pos).and(RandomExpr.mask(e.width));
                        BigInteger ica = iOut.shiftRight(pos).and(RandomExpr.mask(e.width));
                        values++;
                        if (!ver.equals(expected) || !ica.equals(expected)) {
                            if (mismatches.size() < 10) {
                                mismatches.add("cycle " + c + " out" + k + ": expected " + expected.toString(16) + ", Verilator " + ver.toString(16)
                                        + ", Icarus " + ica.toString(16) + ", inputs " + java.util.Arrays.toString(perDesignInputs.get(c)[i])
                                        + (c > 0 ? " (previous " + java.util.Arrays.toString(perDesignInputs.get(c - 1)[i]) + ")" : "") + "\n" + d.describe());
                            } else {
                                mismatches.add("");
                            }
                        }
                    }
                    off += d.outWidth();
                }
            }
            System.out.printf("fuzz: top %d: designs=%d compared_values=%d mismatches=%d so far%n", tops, designs, values, mismatches.size());
        }
        System.out.printf("fuzz: seed=%d designs=%d tops=%d cycles=%d compared_values=%d mismatches=%d lint_failures=%d operators=%d%n",
                seed, designs, tops, CYCLES, values, mismatches.size(), lintFailures.size(), used.size());
        assertTrue(lintFailures.isEmpty(), lintFailures.size() + " batches refused by the lint gate (seed " + seed + "):\n"
                + String.join("\n", lintFailures));
        assertTrue(mismatches.isEmpty(), mismatches.size() + " mismatches (seed " + seed + "), first:\n"
                + String.join("\n", mismatches.subList(0, Math.min(10, mismatches.size()))));
        if (count >= 300) {
            Set<String> every = new TreeSet<>(List.of("add", "sub", "addExpand", "subExpand", "mul", "div", "mod", "and", "or", "xor", "not",
                    "neg", "abs", "addSat", "subSat", "sll", "srl", "sra", "shl", "shr", "sllBy", "srlBy", "sraBy", "bits", "resize", "cat",
                    "mux", "eq", "ne", "lt", "le", "gt", "ge", "orR", "andR", "xorR", "rotl", "reversed", "toSInt", "asSInt", "asUInt",
                    "vecRead", "rom"));
            every.removeIf(op -> used.stream().anyMatch(u -> u.startsWith(op)));   // what is left was never drawn
            assertEquals(Set.of(), every, "operators never drawn (seed " + seed + ")");
        }
    }
}
