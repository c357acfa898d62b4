package dev.spindle.lib.stream;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.ConfiguredComponent;
import dev.spindle.hdl.Data;
import dev.spindle.hdl.HardType;
import dev.spindle.hdl.Require;
import dev.spindle.hdl.Vec;

import java.util.ArrayList;
import java.util.List;

/**
 * One stream to {@code n} copies, SpinalHDL's {@code StreamFork} ({@code io_input_*}, {@code io_outputs_<i>_*}).
 * Latency 0. Synchronous: every output fires in the same cycle, when all are ready (an output's valid then depends on
 * the others' ready). Asynchronous: each output fires when it is ready, a register per output
 * ({@code linkEnable_<i>}) remembers who already took the word; the input fires with the last taker.
 */
public final class StreamFork<T extends Data> extends ConfiguredComponent<StreamFork.Config> {
    public record Config(int n, boolean synchronous) {
        public Config {
            Require.range("n", n, 1, 256);
        }
    }

    public static final class Io<T extends Data> extends Bundle {
        public final Stream<T> input;
        public final Vec<Stream<T>> outputs;

        Io(HardType<T> type, Config c) {
            input = slave(new Stream<>(type));
            outputs = master(Vec.of(Stream.type(type), c.n()));
        }
    }

    public final Io<T> io;
    private final List<Bool> linkEnable = new ArrayList<>();

    public StreamFork(HardType<T> type, Config c) {
        super(c);
        io = new Io<>(type, c);
        if (c.synchronous()) {
            Bool allReady = io.outputs.get(0).ready;
            for (int i = 1; i < c.n(); i++) allReady = allReady.and(io.outputs.get(i).ready);
            io.input.ready.assign(allReady);
            for (Stream<T> out : io.outputs) {
                out.valid.assign(io.input.valid.and(allReady));
                out.payload.assign(io.input.payload);
            }
            return;
        }
        Bool done = null;
        for (Stream<T> out : io.outputs) {
            Bool enable = RegInit(True());
            linkEnable.add(enable);
            Bool taken = out.ready.or(enable.not());
            done = done == null ? taken : done.and(taken);
            out.valid.assign(io.input.valid.and(enable));
            out.payload.assign(io.input.payload);
            when(out.fire(), () -> enable.assign(False()));
        }
        io.input.ready.assign(done);
        when(done, () -> linkEnable.forEach(e -> e.assign(True())));
    }
}
