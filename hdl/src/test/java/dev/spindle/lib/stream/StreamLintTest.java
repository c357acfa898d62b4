package dev.spindle.lib.stream;

import dev.spindle.hdl.Bits;
import dev.spindle.hdl.Component;
import dev.spindle.hdl.HardType;
import dev.spindle.hdl.Spindle;
import dev.spindle.hdl.UInt;
import dev.spindle.hdl.Vec;
import dev.spindle.hdl.verilog.VerilogBackend;
import dev.spindle.hdl.verilog.VerilogOutput;
import dev.spindle.lib.stream.StreamArbiter.Arbitration;
import dev.spindle.lib.stream.StreamArbiter.Lock;
import dev.spindle.hdl.verilog.Lint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every stream operator, in a few configurations, emits Verilog that Verilator ({@code -Wall}), Yosys and Icarus accept
 * without a warning.
 */
class StreamLintTest {
    private static final HardType<UInt> U8 = UInt.type(8);

    private static Arguments design(String name, Supplier<? extends Component> top) { return Arguments.of(name, top); }

    static List<Arguments> designs() {
        List<Arguments> d = new ArrayList<>();
        d.add(design("pipes", () -> Harness.pipe(U8, U8, s -> s.m2sPipe().s2mPipe().halfPipe().pipelined())));
        d.add(design("pipesOfBundles", () -> Harness.pipe(Fragment.type(Vec.type(UInt.type(5), 3)), Fragment.type(Vec.type(UInt.type(5), 3)),
                s -> s.m2sPipe().s2mPipe().halfPipe())));
        d.add(design("queue1", () -> Harness.pipe(U8, U8, s -> s.queue(1))));
        d.add(design("queue5", () -> Harness.pipe(UInt.type(1), UInt.type(1), s -> s.queue(5))));
        d.add(design("queue64", () -> Harness.pipe(Fragment.type(UInt.type(100)), Fragment.type(UInt.type(100)), s -> s.queue(64))));
        d.add(design("queueSync1", () -> Harness.pipe(U8, U8, s -> s.queue(new StreamFifo.Config(1, true)))));
        d.add(design("queueSync7", () -> Harness.pipe(U8, U8, s -> s.queue(new StreamFifo.Config(7, true)))));
        d.add(design("queueSync512", () -> Harness.pipe(UInt.type(32), UInt.type(32), s -> s.queue(new StreamFifo.Config(512, true)))));
        d.add(design("transforms", () -> new Harness<>(U8, 1, UInt.type(9), 1, 3, (in, out, c) -> out.getFirst().connectFrom(
                in.getFirst().throwWhen(c.bit(0)).takeWhen(c.bit(1)).haltWhen(c.bit(2)).continueWhen(in.getFirst().payload.bit(3))
                        .map(p -> p.addExpand(UInt.lit(1, 8))).translateWith(in.getFirst().payload.resize(9))))));
        d.add(design("flow", () -> Harness.pipe(U8, U8, s -> s.toFlow().m2sPipe().throwWhen(s.payload.bit(0))
                .takeWhen(s.payload.bit(1)).map(p -> p.add(1)).toStream())));
        d.add(design("forkAsync", () -> new Harness<>(U8, 1, U8, 3, 0, (in, out, c) -> connectAll(in.getFirst().fork(3), out))));
        d.add(design("forkSync", () -> new Harness<>(U8, 1, U8, 2, 0, (in, out, c) -> connectAll(in.getFirst().fork(2, true), out))));
        d.add(design("forkOne", () -> new Harness<>(U8, 1, U8, 1, 0, (in, out, c) -> connectAll(in.getFirst().fork(1), out))));
        d.add(design("joinVec", () -> new Harness<>(U8, 3, Vec.type(U8, 3), 1, 0, (in, out, c) -> out.getFirst().connectFrom(StreamJoin.vec(in)))));
        d.add(design("joinArg", () -> new Harness<>(U8, 2, U8, 1, 0,
                (in, out, c) -> out.getFirst().connectFrom(StreamJoin.arg(in, in.get(0).payload.xor(in.get(1).payload))))));
        for (Arbitration a : Arbitration.values()) {
            for (Lock lock : List.of(Lock.NONE, Lock.TRANSACTION)) {
                for (int n : new int[] {1, 2, 5}) {
                    d.add(design("arbiter" + a + lock + n, () -> new Harness<>(U8, n, U8, 1, 0,
                            (in, out, c) -> out.getFirst().connectFrom(StreamArbiter.on(in, a, lock)))));
                }
            }
            d.add(design("arbiter" + a + "FRAGMENT", () -> new Harness<>(Fragment.type(U8), 4, Fragment.type(U8), 1, 0,
                    (in, out, c) -> out.getFirst().connectFrom(StreamArbiter.on(in, a, Lock.FRAGMENT)))));
        }
        for (int[] w : new int[][] {{8, 32}, {8, 24}, {32, 8}, {36, 12}, {16, 16}, {1, 2}, {2, 1}}) {
            d.add(design("adapt" + w[0] + "to" + w[1], () -> Harness.pipe(UInt.type(w[0]), Bits.type(w[1]), s -> s.adaptWidth(Bits.type(w[1])))));
        }
        d.add(design("adaptFragment", () -> Harness.pipe(Fragment.type(UInt.type(7)), UInt.type(32), s -> s.adaptWidth(UInt.type(32)))));
        d.add(design("fragmentHelpers", () -> Harness.pipe(Fragment.type(U8), UInt.type(2),
                s -> s.translateWith(dev.spindle.hdl.Hdl.cat(Fragment.isFirst(s), Fragment.lastFire(s)).asUInt()))));
        d.add(design("everything", () -> new Harness<>(U8, 2, U8, 2, 1, (in, out, c) -> {
            List<Stream<UInt>> f = in.get(0).queue(4).m2sPipe().fork(2);
            Stream<UInt> merged = StreamArbiter.roundRobin(List.of(f.get(0), in.get(1).s2mPipe()));
            out.get(0).connectFrom(merged.haltWhen(c.bit(0)).queue(new StreamFifo.Config(3, true)));
            out.get(1).connectFrom(f.get(1).adaptWidth(UInt.type(16)).adaptWidth(U8).halfPipe());
        })));
        return d;
    }

    private static <T extends dev.spindle.hdl.Data> void connectAll(List<Stream<T>> from, List<Stream<T>> to) {
        for (int i = 0; i < from.size(); i++) to.get(i).connectFrom(from.get(i));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("designs")
    void lintClean(String name, Supplier<? extends Component> top) {
        VerilogOutput out = VerilogBackend.emit(Spindle.elaborate(top));
        assertEquals(List.of(), Lint.check(out, Path.of("target", "stream-lint", name).toAbsolutePath()));
    }
}
