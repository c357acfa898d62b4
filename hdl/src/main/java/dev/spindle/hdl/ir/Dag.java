package dev.spindle.hdl.ir;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Walks over the netlist's expression graph (a DAG) for the passes that fold a value bottom-up. */
public final class Dag {
    private Dag() {}

    /**
     * The value of {@code root}, each node's value computed once by {@code value} from the node and its
     * {@code children}, after theirs and kept in {@code memo} (values already there are reused). Post-order with an
     * explicit stack: an expression chain can be deeper than the Java stack.
     */
    public static <N, V> V postOrder(N root, Map<N, V> memo, Function<N, List<N>> children, BiFunction<N, List<N>, V> value) {
        V known = memo.get(root);
        if (known != null) return known;
        ArrayDeque<N> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            N node = stack.peek();
            if (memo.containsKey(node)) {
                stack.pop();
                continue;
            }
            List<N> inputs = children.apply(node);
            boolean ready = true;
            for (N in : inputs) {
                if (!memo.containsKey(in)) {
                    stack.push(in);
                    ready = false;
                }
            }
            if (!ready) continue;
            stack.pop();
            memo.put(node, value.apply(node, inputs));
        }
        return memo.get(root);
    }
}
