package dev.spindle.sim.stream;

import dev.spindle.hdl.Bits;
import dev.spindle.hdl.Data;
import dev.spindle.hdl.HardType;
import dev.spindle.hdl.Hdl;
import dev.spindle.hdl.Spindle;
import dev.spindle.hdl.UInt;
import dev.spindle.hdl.Vec;
import dev.spindle.hdl.verilog.Lint;
import dev.spindle.hdl.verilog.VerilogBackend;
import dev.spindle.lib.stream.Fragment;
import dev.spindle.lib.stream.Stream;
import dev.spindle.lib.stream.StreamArbiter;
import dev.spindle.lib.stream.StreamArbiter.Arbitration;
import dev.spindle.lib.stream.StreamArbiter.Lock;
import dev.spindle.lib.stream.StreamFifo;
import dev.spindle.lib.stream.StreamJoin;
import dev.spindle.sim.stream.StreamBank.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every stream operator, in a few configurations, emits Verilog that Verilator ({@code -Wall}), Yosys and Icarus accept
 * without a warning: all of them side by side in one {@link StreamBank} (one lint run), and when that fails, each
 * channel alone, so the report names the configurations at fault. The traffic tests of this package simulate the
 * operators; this one covers the configurations they do not (wide payloads, bundles, every arbiter).
 */
class StreamLintTest {
    private static final HardType<UInt> U8 = UInt.type(8);

    @TempDir Path dir;

    static List<Channel<?, ?>> channels() {
        List<Channel<?, ?>> d = new ArrayList<>();
        d.add(Channel.pipe("pipes", U8, U8, s -> s.m2sPipe().s2mPipe().halfPipe().pipelined()));
        d.add(Channel.pipe("pipesOfBundles", Fragment.type(Vec.type(UInt.type(5), 3)), Fragment.type(Vec.type(UInt.type(5), 3)),
                s -> s.m2sPipe().s2mPipe().halfPipe()));
        d.add(Channel.pipe("queue1", U8, U8, s -> s.queue(1)));
        d.add(Channel.pipe("queue5", UInt.type(1), UInt.type(1), s -> s.queue(5)));
        d.add(Channel.pipe("queue64", Fragment.type(UInt.type(100)), Fragment.type(UInt.type(100)), s -> s.queue(64)));
        d.add(Channel.pipe("queueSync1", U8, U8, s -> s.queue(new StreamFifo.Config(1, true))));
        d.add(Channel.pipe("queueSync7", U8, U8, s -> s.queue(new StreamFifo.Config(7, true))));
        d.add(Channel.pipe("queueSync512", UInt.type(32), UInt.type(32), s -> s.queue(new StreamFifo.Config(512, true))));
        d.add(new Channel<>("transforms", U8, 1, UInt.type(9), 1, 3, (in, out, c) -> out.getFirst().connectFrom(
                in.getFirst().throwWhen(c.bit(0)).takeWhen(c.bit(1)).haltWhen(c.bit(2)).continueWhen(in.getFirst().payload.bit(3))
                        .map(p -> p.addExpand(UInt.lit(1, 8))).translateWith(in.getFirst().payload.resize(9)))));
        d.add(Channel.pipe("flow", U8, U8, s -> s.toFlow().m2sPipe().throwWhen(s.payload.bit(0))
                .takeWhen(s.payload.bit(1)).map(p -> p.add(1)).toStream()));
        d.add(new Channel<>("forkAsync", U8, 1, U8, 3, 0, (in, out, c) -> connectAll(in.getFirst().fork(3), out)));
        d.add(new Channel<>("forkSync", U8, 1, U8, 2, 0, (in, out, c) -> connectAll(in.getFirst().fork(2, true), out)));
        d.add(new Channel<>("forkOne", U8, 1, U8, 1, 0, (in, out, c) -> connectAll(in.getFirst().fork(1), out)));
        d.add(new Channel<>("joinVec", U8, 3, Vec.type(U8, 3), 1, 0, (in, out, c) -> out.getFirst().connectFrom(StreamJoin.vec(in))));
        d.add(new Channel<>("joinArg", U8, 2, U8, 1, 0,
                (in, out, c) -> out.getFirst().connectFrom(StreamJoin.arg(in, in.get(0).payload.xor(in.get(1).payload)))));
        for (Arbitration a : Arbitration.values()) {
            for (Lock lock : List.of(Lock.NONE, Lock.TRANSACTION)) {
                for (int n : new int[] {1, 2, 5}) {
                    d.add(new Channel<>("arbiter" + a + lock + n, U8, n, U8, 1, 0,
                            (in, out, c) -> out.getFirst().connectFrom(StreamArbiter.on(in, a, lock))));
                }
            }
            d.add(new Channel<>("arbiter" + a + "FRAGMENT", Fragment.type(U8), 4, Fragment.type(U8), 1, 0,
                    (in, out, c) -> out.getFirst().connectFrom(StreamArbiter.on(in, a, Lock.FRAGMENT))));
        }
        for (int[] w : new int[][] {{8, 32}, {8, 24}, {32, 8}, {36, 12}, {16, 16}, {1, 2}, {2, 1}}) {
            d.add(Channel.pipe("adapt" + w[0] + "to" + w[1], UInt.type(w[0]), Bits.type(w[1]), s -> s.adaptWidth(Bits.type(w[1]))));
        }
        d.add(Channel.pipe("adaptFragment", Fragment.type(UInt.type(7)), UInt.type(32), s -> s.adaptWidth(UInt.type(32))));
        d.add(Channel.pipe("fragmentHelpers", Fragment.type(U8), UInt.type(2),
                s -> s.translateWith(Hdl.cat(Fragment.isFirst(s), Fragment.lastFire(s)).asUInt())));
        d.add(new Channel<>("everything", U8, 2, U8, 2, 1, (in, out, c) -> {
            List<Stream<UInt>> f = in.get(0).queue(4).m2sPipe().fork(2);
            Stream<UInt> merged = StreamArbiter.roundRobin(List.of(f.get(0), in.get(1).s2mPipe()));
            out.get(0).connectFrom(merged.haltWhen(c.bit(0)).queue(new StreamFifo.Config(3, true)));
            out.get(1).connectFrom(f.get(1).adaptWidth(UInt.type(16)).adaptWidth(U8).halfPipe());
        }));
        return d;
    }

    private static <T extends Data> void connectAll(List<Stream<T>> from, List<Stream<T>> to) {
        for (int i = 0; i < from.size(); i++) to.get(i).connectFrom(from.get(i));
    }

    private List<String> lint(String name, List<Channel<?, ?>> channels) {
        return Lint.check(VerilogBackend.emit(Spindle.elaborate(() -> new StreamBank(channels))), dir.resolve(name));
    }

    @Test
    void everyConfigurationLintsClean() {
        List<Channel<?, ?>> all = channels();
        List<String> whole = lint("all", all);
        if (whole.isEmpty()) return;
        List<String> refused = new ArrayList<>();
        for (Channel<?, ?> c : all) {
            List<String> problems = lint(c.name(), List.of(c));
            if (!problems.isEmpty()) refused.add(c.name() + ":\n" + String.join("\n", problems));
        }
        fail(refused.isEmpty() ? "the bank is refused, though no channel alone is:\n" + String.join("\n", whole)
                : "channels refused by the lint gate:\n" + String.join("\n", refused));
    }
}
