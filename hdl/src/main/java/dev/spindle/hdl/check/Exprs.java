package dev.spindle.hdl.check;

import dev.spindle.hdl.ir.Node;
import dev.spindle.hdl.ir.Op;
import dev.spindle.hdl.ir.Signal;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/** Expression-tree traversal: every operator and signal reached from a root, each once per stamp. */
final class Exprs {
    private static int stamp;

    private Exprs() {}

    /** A fresh stamp: nodes marked with an older one count as unvisited. Passes run on one thread. */
    static synchronized int newStamp() { return ++stamp; }

    /** Calls {@code onSignal} for each signal the expression reads (stopping there) and {@code onOp} for each operator. */
    static void visit(Node root, int stamp, Consumer<Signal> onSignal, Consumer<Op> onOp) {
        // Most roots are a signal read or one already seen (a condition read by every statement under it): no deque.
        if (root.mark() == stamp) return;
        if (root instanceof Signal s) {
            root.mark(stamp);
            onSignal.accept(s);
            return;
        }
        ArrayDeque<Node> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (n.mark() == stamp) continue;
            n.mark(stamp);
            if (n instanceof Signal s) {
                onSignal.accept(s);
            } else if (n instanceof Op op) {
                if (onOp != null) onOp.accept(op);
                for (int i = 0; i < op.argCount(); i++) todo.push(op.arg(i));
            }
        }
    }
}
