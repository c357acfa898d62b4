package dev.spindle.hdl.check;

import dev.spindle.hdl.ir.Signal;

/** How the checks name a signal in a message: {@code Top/fifo/io_push_valid : in[1]}. */
final class Describe {
    private Describe() {}

    static String signal(Signal s) {
        String name = s.name() == null ? "<unnamed, declared at " + s.loc() + ">" : s.name();
        return s.owner().path() + "/" + name + " : " + s.kind().name().toLowerCase() + "[" + s.width() + "]";
    }
}
