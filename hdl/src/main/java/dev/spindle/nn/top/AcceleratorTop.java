package dev.spindle.nn.top;

import dev.spindle.hdl.Bits;
import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.ClockDomain;
import dev.spindle.hdl.ConfiguredComponent;
import dev.spindle.hdl.Mem;
import dev.spindle.hdl.Require;
import dev.spindle.hdl.UInt;
import dev.spindle.hdl.ir.Domain;
import dev.spindle.lib.axi.AxiLite;
import dev.spindle.lib.axi.AxiLiteRegisterBank;
import dev.spindle.lib.axi.AxiStream;
import dev.spindle.lib.math.Crc32;
import dev.spindle.lib.stream.Fragment;
import dev.spindle.lib.stream.Stream;

/**
 * The accelerator top: one module whose ports are exactly the XDMA IP's user side (the stated exception to the
 * {@code io_<field>} naming rule), so it connects to the IP without glue: clock {@code axi_aclk}, synchronous
 * active-low reset {@code axi_aresetn}, the AXI4-Lite register bank {@code s_axil_*} ({@link AcceleratorRegisters}),
 * H2C {@code s_axis_h2c_*} and C2H {@code m_axis_c2h_*} AXI4-Stream of {@code dataWidth} bits.
 *
 * <p>H2C carries {@link Packet}s framed by their header's length ({@code tlast} is ignored): WEIGHTS packets fill
 * the weight memory (in order, CRC-32 computed on the way), TOKENS packets go through the unit, and each TOKENS
 * packet gets one response on C2H: a RESULTS header and the result rows, or an ERROR header with the cause and
 * as many zero beats, with {@code tlast} on the response's last beat. A bad packet sets {@code STATUS.error} and
 * its cause and is drained by its length; {@code CONTROL.abort} recovers from a packet that never completes.
 * Build it with {@link Accelerators#top}, which fills in the ID hash.
 */
public final class AcceleratorTop extends ConfiguredComponent<AcceleratorTop.Config> {
    public static final String CLOCK = "axi_aclk", RESET = "axi_aresetn";
    public static final double PERIOD_NS = 4.0;   // 250 MHz, the XDMA axi_aclk

    /** The unit's clock port when {@code unitClockNs > 0}. */
    public static final String UNIT_CLOCK = "unit_aclk";
    /** Words of each clock-crossing FIFO (rows and weights in, results out): covers the Gray pointers' round trip. */
    public static final int CROSSING_DEPTH = 16;

    /**
     * The unit, the stream data width (64, 128, 256, 512), the ID hash the registers report, and the unit's clock:
     * {@code unitClockNs = 0} runs the unit on {@code axi_aclk}; a period of 2..100 ns puts it on its own clock
     * {@code unit_aclk} (a top input, its period in the manifest) behind clock-domain-crossing FIFOs.
     */
    public record Config(AcceleratorUnit unit, int dataWidth, String idHash, double unitClockNs) {
        public Config {
            Require.nonNull("unit", unit);
            AxiStream.requireXdmaWidth("dataWidth", dataWidth);
            Require.nonNull("idHash", idHash);
            if (!(unitClockNs == 0 || (unitClockNs >= 2 && unitClockNs <= 100))) {
                throw new IllegalArgumentException("unitClockNs = " + unitClockNs + " is out of range: allowed 0 (the unit on axi_aclk) or 2..100 ns");
            }
            unit.inputLayout(dataWidth);
            unit.outputLayout(dataWidth);
        }

        /** The unit on {@code axi_aclk}. */
        public Config(AcceleratorUnit unit, int dataWidth, String idHash) { this(unit, dataWidth, idHash, 0); }

        public Config withIdHash(String hash) { return new Config(unit, dataWidth, hash, unitClockNs); }

        public Config withUnitClockNs(double ns) { return new Config(unit, dataWidth, idHash, ns); }

        public boolean unitOnOwnClock() { return unitClockNs > 0; }

        public AcceleratorRegisters.Id id() {
            int weightBeats = unit.weightCount() == 0 ? 0 : unit.weightLayout(dataWidth).beatsPerRow();
            return new AcceleratorRegisters.Id(dataWidth, unit.code(), idHash, weightBeats,
                    unit.inputLayout(dataWidth).beatsPerRow(), unit.outputLayout(dataWidth).beatsPerRow());
        }
    }

    public static final class Io extends Bundle {
        public final AxiLite s_axil;
        public final AxiStream s_axis_h2c;
        public final AxiStream m_axis_c2h;
        /** The unit's own clock, or null when the unit runs on {@code axi_aclk}. */
        public final Bool unit_aclk;

        Io(int dataWidth, boolean unitClock) {
            s_axil = slave(new AxiLite(32));
            s_axis_h2c = slave(new AxiStream(dataWidth));
            m_axis_c2h = master(new AxiStream(dataWidth));
            unit_aclk = unitClock ? in(Bool.type()) : null;
        }
    }

    // Framer (H2C) and response (C2H) states, as STATUS reports them.
    static final int F_HEADER = 0, F_WEIGHTS = 1, F_TOKENS = 2, F_DRAIN = 3, F_FLUSH = 4;
    static final int R_IDLE = 0, R_HEADER = 1, R_DATA = 2, R_ZEROS = 3, R_DISCARD = 4;

    public final Io io;
    private AxiLiteRegisterBank bank;
    private UInt framer, remaining, rowBeat, response, responseBeats, rowsInFlight, weightNext;
    private Bits responseHeader, crc;
    private Bool weightsValid, errorRaised;
    private UInt causeCode;
    private Mem<Bits> weightMem;
    private Bool weightWritten;
    private UInt busyCycles, inferences, stallIn, stallOut, lastLatency, latency, packets;

    public AcceleratorTop(Config c) {
        super(c);
        io = new Io(c.dataWidth(), c.unitOnOwnClock());
        io.s_axil.named("s_axil");
        io.s_axis_h2c.named("s_axis_h2c");
        io.m_axis_c2h.named("m_axis_c2h");
        if (io.unit_aclk != null) io.unit_aclk.named(UNIT_CLOCK);
        ClockDomain axi = ClockDomain.external("axi", CLOCK, RESET,
                ClockDomain.Config.defaults().withReset(Domain.ResetKind.SYNC, Domain.Polarity.LOW).withPeriodNs(PERIOD_NS));
        ClockDomain unitDomain = c.unitOnOwnClock() ? UnitCrossing.domain(io.unit_aclk, axi, c.unitClockNs()) : null;
        axi.on(() -> build(c, axi, unitDomain));
    }

    private void build(Config c, ClockDomain axi, ClockDomain unitDomain) {
        int w = c.dataWidth();
        AcceleratorUnit unit = c.unit();
        AcceleratorRegisters.Id id = c.id();
        bank = new AxiLiteRegisterBank(io.s_axil, AcceleratorRegisters.map(id));
        AxiStream h2c = io.s_axis_h2c;
        AxiStream c2h = io.m_axis_c2h;
        int inBeats = id.inBeatsPerRow(), outBeats = id.outBeatsPerRow(), weightBeats = id.weightBeats();
        boolean weighted = weightBeats > 0;

        framer = RegInit(UInt.lit(F_HEADER, 3));
        remaining = RegInit(UInt.lit(0, 32));
        rowBeat = RegInit(UInt.lit(0, log2Up(inBeats)));
        response = RegInit(UInt.lit(R_IDLE, 3));
        responseBeats = RegInit(UInt.lit(0, 32));
        responseHeader = RegInit(Bits.lit(0, Packet.HEADER_BITS));
        rowsInFlight = RegInit(UInt.lit(0, 32));
        weightNext = RegInit(UInt.lit(0, 32));
        crc = RegInit(Bits.lit(Crc32.INIT, 32));
        weightsValid = RegInit(Bool.lit(!weighted));
        causeCode = RegInit(UInt.lit(0, 8));
        errorRaised = Wire(Bool.type());
        UInt causeNow = Wire(UInt.type(8)).named("cause_now");

        Bool abort = bank.flag("CONTROL", "abort");
        Bool clearCounters = bank.flag("CONTROL", "clear_counters");
        Bool errorBit = bank.flag("STATUS", "error");

        // ---- header decode ----------------------------------------------------------------------------------
        UInt kind = Wire(h2c.tdata.bits(Packet.KIND_BITS - 1, 0).asUInt()).named("header_kind");
        UInt arg = Wire(h2c.tdata.bits(Packet.ARG_LSB + Packet.ARG_BITS - 1, Packet.ARG_LSB).asUInt()).named("header_arg");
        UInt beats = Wire(h2c.tdata.bits(Packet.BEATS_LSB + Packet.BEATS_BITS - 1, Packet.BEATS_LSB).asUInt()).named("header_beats");
        UInt rowsTimesIn = arg.resize(32 + 16).mul(UInt.lit(inBeats, 16)).resize(56);
        Bool tokenLengthOk = Wire(arg.ne(0).and(rowsTimesIn.eq(beats.resize(56)))).named("token_length_ok");
        UInt resultBeats = arg.resize(32).mul(UInt.lit(outBeats, 16).resize(32)).resize(32);
        UInt weightEnd = arg.resize(34).add(beats.resize(34));
        Bool weightOrderOk = arg.eq(0).or(arg.resize(32).eq(weightNext));
        Bool weightFits = weightEnd.le(UInt.lit(weightBeats, 34));

        Bool atHeader = framer.eq(F_HEADER).and(response.eq(R_IDLE));
        Bool headerFire = Wire(atHeader.and(h2c.tvalid)).named("header_fire");

        // ---- the unit ------------------------------------------------------------------------------------------
        Stream<Bits> rows = Stream.of(Bits.type(w)).named("rows");
        rows.valid.assign(framer.eq(F_TOKENS).and(h2c.tvalid).or(framer.eq(F_FLUSH).and(rowBeat.ne(0))));
        rows.payload.assign(mux(framer.eq(F_FLUSH), Bits.lit(0, w), h2c.tdata));
        Bool rowDone = Wire(rows.fire().and(rowBeat.eq(inBeats - 1))).named("row_done");
        when(rows.fire(), () -> rowBeat.assign(mux(rowBeat.eq(inBeats - 1), UInt.lit(0, rowBeat.width()), rowBeat.add(1))));

        // Weight beats and token rows reach the unit in H2C order: on another clock both cross in one FIFO, so a row
        // never overtakes the weights loaded before it.
        Bool weightBeat = Wire(framer.eq(F_WEIGHTS).and(h2c.tvalid)).named("weight_beat");
        Bool weightReady = Wire(Bool.type()).named("weight_ready");
        Stream<Fragment<Bits>> results;
        if (unitDomain == null) {
            weightReady.assign(True());
            weightMem = weighted ? Mem.of(Bits.type(w), weightBeats).named("weights") : null;
            weightWritten = weighted ? Wire(Bool.type()).named("weight_written") : null;
            results = unit.build(rows, w, weighted ? UnitCrossing.memory(weightMem, weightWritten) : null);
        } else {
            UnitCrossing x = new UnitCrossing(axi, unitDomain, unit, w, weightBeats);
            results = x.connect(rows, weightBeat, weightNext, h2c.tdata, weightReady);
        }
        Bool resultRowDone = Wire(results.fire().and(results.payload.last)).named("result_row_done");
        rowsInFlight.assign(rowsInFlight.add(mux(rowDone, UInt.lit(1, 32), UInt.lit(0, 32))).sub(mux(resultRowDone, UInt.lit(1, 32), UInt.lit(0, 32))));

        // ---- H2C ready ---------------------------------------------------------------------------------------
        h2c.tready.assign(atHeader.or(framer.eq(F_WEIGHTS).and(weightReady)).or(framer.eq(F_DRAIN)).or(framer.eq(F_TOKENS).and(rows.ready)));
        Bool payloadFire = Wire(h2c.fire().and(atHeader.not())).named("payload_fire");
        Bool lastPayload = remaining.eq(1);

        // ---- framer --------------------------------------------------------------------------------------------
        errorRaised.assign(False());
        causeNow.assign(UInt.lit(0, 8));
        when(headerFire, () -> {
            UInt next = mux(beats.eq(0), UInt.lit(F_HEADER, 3), UInt.lit(F_DRAIN, 3));
            remaining.assign(beats);
            when(kind.eq(Packet.WEIGHTS), () -> {
                if (!weighted) {
                    raise(causeNow, Cause.NOT_WEIGHTED);
                    framer.assign(next);
                } else {
                    when(weightOrderOk.not(), () -> {
                        raise(causeNow, Cause.WEIGHTS_OUT_OF_ORDER);
                        weightsValid.assign(False());
                        framer.assign(next);
                    }).elseWhen(weightFits.not(), () -> {
                        raise(causeNow, Cause.WEIGHTS_TOO_LONG);
                        weightsValid.assign(False());
                        framer.assign(next);
                    }).otherwise(() -> {
                        weightsValid.assign(False());
                        when(arg.eq(0), () -> {
                            weightNext.assign(UInt.lit(0, 32));
                            crc.assign(Bits.lit(Crc32.INIT, 32));
                        });
                        framer.assign(mux(beats.eq(0), UInt.lit(F_HEADER, 3), UInt.lit(F_WEIGHTS, 3)));
                    });
                }
            }).elseWhen(kind.eq(Packet.TOKENS), () -> {
                Bool ok = tokenLengthOk.and(weightsValid);
                UInt cause = mux(weightsValid.not(), UInt.lit(Cause.NO_WEIGHTS.code, 8), UInt.lit(Cause.BAD_LENGTH.code, 8));
                when(ok.not(), () -> {
                    errorRaised.assign(True());
                    causeNow.assign(cause);
                });
                responseHeader.assign(cat(resultBeats, mux(ok, arg, cause.resize(Packet.ARG_BITS)),
                        mux(ok, UInt.lit(Packet.RESULTS, 8), UInt.lit(Packet.ERROR, 8))));
                responseBeats.assign(resultBeats);
                response.assign(mux(ok, UInt.lit(R_HEADER, 3), mux(arg.eq(0), UInt.lit(R_IDLE, 3), UInt.lit(R_HEADER, 3))));
                framer.assign(mux(beats.eq(0), UInt.lit(F_HEADER, 3), mux(ok, UInt.lit(F_TOKENS, 3), UInt.lit(F_DRAIN, 3))));
            }).otherwise(() -> {
                raise(causeNow, Cause.BAD_KIND);
                framer.assign(next);
            });
        });
        when(payloadFire, () -> {
            remaining.assign(remaining.sub(1));
            when(lastPayload, () -> framer.assign(UInt.lit(F_HEADER, 3)));
        });
        if (weighted) {
            Bool weightFire = payloadFire.and(framer.eq(F_WEIGHTS));
            Bits crcNext = Crc32.next(crc, h2c.tdata);
            if (unitDomain == null) {
                weightMem.write(weightNext.resize(log2Up(weightBeats)), h2c.tdata, weightFire);
                weightWritten.assign(weightFire);
            }
            when(weightFire, () -> {
                weightNext.assign(weightNext.add(1));
                crc.assign(crcNext);
                when(weightNext.eq(weightBeats - 1), () -> weightsValid.assign(True()));
            });
            when(bank.flag("CONTROL", "invalidate_weights"), () -> weightsValid.assign(False()));
        }
        when(errorRaised.and(errorBit.not()), () -> causeCode.assign(causeNow));
        when(framer.eq(F_FLUSH).and(rowBeat.eq(0)), () -> framer.assign(UInt.lit(F_HEADER, 3)));

        // ---- response ----------------------------------------------------------------------------------------
        Bool inHeader = response.eq(R_HEADER), inData = response.eq(R_DATA), inZeros = response.eq(R_ZEROS);
        Stream<Fragment<Bits>> resp = Stream.of(Fragment.type(Bits.type(w))).named("response");
        resp.valid.assign(inHeader.or(inZeros).or(inData.and(results.valid)));
        resp.payload.fragment.assign(mux(inHeader, responseHeader.resize(w), mux(inData, results.payload.fragment, Bits.lit(0, w))));
        Bool respLast = mux(inHeader, responseBeats.eq(0), responseBeats.eq(1));
        resp.payload.last.assign(respLast);
        results.ready.assign(inData.and(resp.ready).or(response.eq(R_DISCARD)));
        // The output register keeps a beat it has offered until C2H takes it, even across an abort (AXI4-Stream rule).
        Stream<Fragment<Bits>> out = resp.m2sPipe();
        c2h.tvalid.assign(out.valid);
        c2h.tdata.assign(out.payload.fragment);
        c2h.tlast.assign(out.payload.last);
        c2h.tkeep.assign(allOnes(w / 8));
        out.ready.assign(c2h.tready);
        Bool responseEnd = Wire(resp.fire().and(respLast)).named("response_end");
        when(resp.fire(), () -> {
            when(inHeader, () -> response.assign(mux(responseBeats.eq(0), UInt.lit(R_IDLE, 3),
                    mux(responseHeader.bits(7, 0).asUInt().eq(Packet.RESULTS), UInt.lit(R_DATA, 3), UInt.lit(R_ZEROS, 3)))))
                    .otherwise(() -> {
                        responseBeats.assign(responseBeats.sub(1));
                        when(responseBeats.eq(1), () -> response.assign(UInt.lit(R_IDLE, 3)));
                    });
        });
        when(response.eq(R_DISCARD).and(rowsInFlight.eq(0)).and(framer.ne(F_FLUSH)), () -> response.assign(UInt.lit(R_IDLE, 3)));

        // ---- abort ---------------------------------------------------------------------------------------------
        when(abort, () -> {
            framer.assign(mux(rowBeat.eq(0), UInt.lit(F_HEADER, 3), UInt.lit(F_FLUSH, 3)));
            remaining.assign(UInt.lit(0, 32));
            response.assign(UInt.lit(R_DISCARD, 3));
            if (weighted) when(framer.eq(F_WEIGHTS), () -> weightsValid.assign(False()));
        });

        // ---- counters ------------------------------------------------------------------------------------------
        Bool busy = Wire(framer.ne(F_HEADER).or(response.ne(R_IDLE))).named("busy");
        busyCycles = counter(busy, clearCounters);
        inferences = counter(resultRowDone.and(inData), clearCounters);
        stallIn = counter(h2c.tvalid.and(h2c.tready.not()), clearCounters);
        stallOut = counter(c2h.tvalid.and(c2h.tready.not()), clearCounters);
        packets = counter(headerFire, clearCounters);
        latency = RegInit(UInt.lit(0, 32));
        lastLatency = RegInit(UInt.lit(0, 32));
        latency.assign(latency.add(1));
        when(headerFire.and(kind.eq(Packet.TOKENS)), () -> latency.assign(UInt.lit(1, 32)));
        when(responseEnd, () -> lastLatency.assign(latency));
        when(clearCounters, () -> lastLatency.assign(UInt.lit(0, 32)));

        // ---- registers -----------------------------------------------------------------------------------------
        bank.drive("STATUS", "busy", busy);
        bank.drive("STATUS", "weights_valid", weightsValid);
        bank.set("STATUS", "done", responseEnd.and(responseHeader.bits(7, 0).asUInt().eq(Packet.RESULTS)));
        bank.set("STATUS", "error", errorRaised);
        bank.drive("STATUS", "c2h_pending", c2h.tvalid);
        bank.drive("STATUS", "cause", mux(errorBit, causeCode, UInt.lit(0, 8)));
        bank.drive("STATUS", "framer", framer);
        bank.drive("STATUS", "response", response);
        bank.drive("WEIGHT_CRC", "value", crc.xor(Bits.lit(Crc32.INIT, 32)));
        bank.drive("WEIGHT_BEATS", "value", weightNext);
        bank.drive("BUSY_CYCLES", "value", busyCycles);
        bank.drive("INFERENCES", "value", inferences);
        bank.drive("STALL_IN", "value", stallIn);
        bank.drive("STALL_OUT", "value", stallOut);
        bank.drive("LAST_LATENCY", "value", lastLatency);
        bank.drive("PACKETS", "value", packets);
        bank.drive("ROWS_IN_FLIGHT", "value", rowsInFlight);
    }

    private void raise(UInt causeNow, Cause cause) {
        errorRaised.assign(True());
        causeNow.assign(UInt.lit(cause.code, 8));
    }

    private static Bits allOnes(int width) {
        return Bits.lit(java.math.BigInteger.ONE.shiftLeft(width).subtract(java.math.BigInteger.ONE), width);
    }

    private static UInt counter(Bool inc, Bool clear) {
        UInt c = RegInit(UInt.lit(0, 32));
        when(inc, () -> c.assign(c.add(1)));
        when(clear, () -> c.assign(UInt.lit(0, 32)));
        return c;
    }
}
