package dev.spindle.hdl.ir;

import java.util.ArrayList;
import java.util.List;

/** Everything a statement reads: its value (or a write's address, data and mask) and the enclosing conditions. */
public final class Reads {
    private Reads() {}

    public static List<Node> of(Stmt stmt, List<Node> conditions) {
        List<Node> out = new ArrayList<>(conditions);
        if (stmt instanceof Assign a) {
            out.add(a.value());
        } else if (stmt instanceof MemWrite w) {
            out.add(w.address());
            out.add(w.data());
            if (w.mask() != null) out.add(w.mask());
        }
        return out;
    }
}
