package dev.spindle.lib.math;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Hdl;

import java.util.ArrayList;
import java.util.List;

/**
 * The balanced reduction tree behind {@link AdderTree} and {@link MaxTree}: level l (1-based) pairs the elements of
 * level l-1 in order (0 with 1, 2 with 3, ...), an odd last element passes through, and a register follows every
 * level l with {@code l % k == 0} (k = registerEvery >= 1). Package-private.
 */
final class Tree {
    private Tree() {}

    /** What a tree computes on its elements. The left operand always covers the lower input indices. */
    interface Ops<E> {
        E combine(E left, E right, int level);

        /** An element with no partner at this level. */
        E pass(E single, int level);

        E register(E e, Bool enable, String name);
    }

    /** floor(ceil(log2 n) / k) register stages; 0 when k = 0. */
    static int latency(int n, int registerEvery) { return registerEvery == 0 ? 0 : Hdl.ceilLog2(n) / registerEvery; }

    /** Whether no level is left combinational after the last register: k > 0 and k divides ceil(log2 n) (a single leaf has no level). */
    static boolean endsInRegister(int n, int registerEvery) { return registerEvery > 0 && Hdl.ceilLog2(n) % registerEvery == 0; }

    static void checkRegisterEvery(int registerEvery) {
        if (registerEvery < 0 || registerEvery > 64) {
            throw new IllegalArgumentException("registerEvery = " + registerEvery + " is out of range: allowed 0..64 (0: no register)");
        }
    }

    static <E> E reduce(List<E> leaves, int registerEvery, Bool enable, String prefix, Ops<E> ops) {
        checkRegisterEvery(registerEvery);
        List<E> level = leaves;
        int l = 0;
        while (level.size() > 1) {
            l++;
            List<E> next = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i + 1 < level.size(); i += 2) next.add(ops.combine(level.get(i), level.get(i + 1), l));
            if (level.size() % 2 == 1) next.add(ops.pass(level.getLast(), l));
            if (registerEvery > 0 && l % registerEvery == 0) {
                for (int i = 0; i < next.size(); i++) next.set(i, ops.register(next.get(i), enable, prefix + "_l" + l + "_" + i));
            }
            level = next;
        }
        return level.getFirst();
    }
}
