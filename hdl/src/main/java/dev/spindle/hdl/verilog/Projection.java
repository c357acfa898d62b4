package dev.spindle.hdl.verilog;

import dev.spindle.hdl.ir.Assign;
import dev.spindle.hdl.ir.Block;
import dev.spindle.hdl.ir.MemWrite;
import dev.spindle.hdl.ir.Stmt;
import dev.spindle.hdl.ir.Switch;
import dev.spindle.hdl.ir.When;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Splits a component body into one statement tree per process (a register group, a combinational signal, a
 * memory's write port), keeping only the when/switch structure each one needs. One walk of the body, so the cost
 * is linear in the statements times their nesting depth.
 */
final class Projection {
    /** One step of the path to a statement: a conditional and which of its branches. */
    private record Step(Stmt original, int branch) {}

    /** The projected tree of one process and the path of the branch it is currently filling. */
    private static final class Tree {
        final Block root = new Block();
        final List<Step> openSteps = new ArrayList<>();
        final List<Stmt> openCopies = new ArrayList<>();
        final List<Block> openBlocks = new ArrayList<>();
    }

    private Projection() {}

    /**
     * @param keyOf the process a statement belongs to (an Assign or MemWrite), or null to drop it
     * @return the projected tree of each process, in order of first appearance
     */
    static <K> Map<K, Block> split(Block body, Function<Stmt, K> keyOf) {
        Map<K, Tree> trees = new LinkedHashMap<>();
        walk(body, new ArrayList<>(), keyOf, trees);
        Map<K, Block> out = new LinkedHashMap<>();
        trees.forEach((k, t) -> out.put(k, t.root));
        return out;
    }

    private static <K> void walk(Block block, List<Step> path, Function<Stmt, K> keyOf, Map<K, Tree> trees) {
        for (Stmt s : block.stmts()) {
            switch (s) {
                case Assign a -> place(s, path, keyOf, trees);
                case MemWrite w -> place(s, path, keyOf, trees);
                case When w -> {
                    path.add(new Step(w, 0));
                    walk(w.then(), path, keyOf, trees);
                    path.set(path.size() - 1, new Step(w, 1));
                    walk(w.otherwise(), path, keyOf, trees);
                    path.removeLast();
                }
                case Switch sw -> {
                    for (int i = 0; i < sw.cases().size(); i++) {
                        path.add(new Step(sw, i));
                        walk(sw.cases().get(i).body(), path, keyOf, trees);
                        path.removeLast();
                    }
                    path.add(new Step(sw, -1));
                    walk(sw.dflt(), path, keyOf, trees);
                    path.removeLast();
                }
            }
        }
    }

    private static <K> void place(Stmt s, List<Step> path, Function<Stmt, K> keyOf, Map<K, Tree> trees) {
        K key = keyOf.apply(s);
        if (key == null) return;
        Tree t = trees.computeIfAbsent(key, k -> new Tree());
        int common = 0;
        while (common < t.openSteps.size() && common < path.size()
                && t.openSteps.get(common).original() == path.get(common).original()) {
            if (t.openSteps.get(common).branch() != path.get(common).branch()) break;
            common++;
        }
        // Same conditional, another branch: reuse its copy and switch to that branch.
        boolean sameStmtOtherBranch = common < t.openSteps.size() && common < path.size()
                && t.openSteps.get(common).original() == path.get(common).original();
        Stmt reuse = sameStmtOtherBranch ? t.openCopies.get(common) : null;
        truncate(t, common);
        Block target = common == 0 ? t.root : t.openBlocks.get(common - 1);
        for (int i = common; i < path.size(); i++) {
            Step step = path.get(i);
            Stmt copy;
            if (i == common && reuse != null) {
                copy = reuse;
            } else {
                copy = copyOf(step.original());
                target.add(copy);
            }
            t.openSteps.add(step);
            t.openCopies.add(copy);
            target = branchOf(copy, step.branch());
            t.openBlocks.add(target);
        }
        target.add(s);
    }

    private static void truncate(Tree t, int size) {
        while (t.openSteps.size() > size) {
            t.openSteps.removeLast();
            t.openCopies.removeLast();
            t.openBlocks.removeLast();
        }
    }

    private static Stmt copyOf(Stmt s) {
        return switch (s) {
            case When w -> new When(w.cond(), w.loc());
            case Switch sw -> {
                Switch copy = new Switch(sw.selector(), sw.loc());
                for (Switch.Case c : sw.cases()) copy.cases().add(new Switch.Case(c.values(), new Block()));
                yield copy;
            }
            default -> throw new IllegalArgumentException("not a conditional: " + s);
        };
    }

    private static Block branchOf(Stmt copy, int branch) {
        return switch (copy) {
            case When w -> branch == 0 ? w.then() : w.otherwise();
            case Switch sw -> branch < 0 ? sw.dflt() : sw.cases().get(branch).body();
            default -> throw new IllegalArgumentException("not a conditional: " + copy);
        };
    }
}
