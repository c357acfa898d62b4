package dev.spindle.host;

import dev.spindle.hdl.Spindle;
import dev.spindle.hdl.verilog.Manifest;
import dev.spindle.nn.top.AcceleratorTop;
import dev.spindle.nn.top.Accelerators;
import dev.spindle.sim.Sim;
import dev.spindle.sim.SimPort;
import dev.spindle.sim.axi.AxiLiteChecker;
import dev.spindle.sim.axi.AxiStreamChecker;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

/**
 * The accelerator top, Verilated and run in-process: the simulated device, and the default. Time is simulated: a
 * timeout is a cycle budget of {@code timeout / 4 ns} cycles of {@code axi_aclk} (250 MHz), so a test's deadlines do
 * not depend on the machine's speed. The H2C stream behaves as the XDMA driver's (one {@code tlast} at the end of
 * each write, optional random gaps between beats); C2H takes beats only while a read is posted (optional random
 * back-pressure). AXI4-Lite and AXI4-Stream protocol checkers watch every cycle and fail on any broken rule.
 */
public final class SimLink implements Link {
    private static final ValueLayout.OfInt WORD = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    /** AXI4-Lite accesses that take longer than this are a hardware bug, reported as such. */
    private static final int REGISTER_CYCLES = 1000;
    /** Cycles of axi_aresetn at start when the unit has its own clock (several of the slowest allowed unit clock). */
    private static final int UNIT_RESET_CYCLES = 100;

    /**
     * Random stream behaviour (both 0: a beat every cycle), an optional waveform, and the longest wait in cycles: a
     * timeout of t is min(t / 4 ns, maxWaitCycles) cycles, so a hang costs bounded simulation time (a second of
     * board time is 250 million cycles, minutes of simulation).
     */
    public record Options(long seed, double h2cGaps, double c2hBackPressure, Path waves, long maxWaitCycles) {
        public static final long DEFAULT_MAX_WAIT_CYCLES = 2_000_000;

        public Options {
            if (maxWaitCycles < 1) throw new IllegalArgumentException("maxWaitCycles = " + maxWaitCycles + " is out of range: allowed >= 1");
            if (!(h2cGaps >= 0 && h2cGaps < 1)) throw new IllegalArgumentException("h2cGaps = " + h2cGaps + " is out of range: allowed 0 <= p < 1");
            if (!(c2hBackPressure >= 0 && c2hBackPressure < 1)) throw new IllegalArgumentException("c2hBackPressure = " + c2hBackPressure + " is out of range: allowed 0 <= p < 1");
        }

        public static Options fast() { return new Options(1, 0, 0, null, DEFAULT_MAX_WAIT_CYCLES); }

        public static Options random(long seed) { return new Options(seed, 0.2, 0.2, null, DEFAULT_MAX_WAIT_CYCLES); }

        public Options withMaxWaitCycles(long cycles) { return new Options(seed, h2cGaps, c2hBackPressure, waves, cycles); }
    }

    private final Sim<AcceleratorTop> sim;
    private final AcceleratorTop.Config config;
    private final Options options;
    private final Random random;
    private final int wordBytes;
    private final SimPort awaddr, awprot, awvalid, awready, wdata, wstrb, wvalid, wready, bvalid, bready, bresp;
    private final SimPort araddr, arprot, arvalid, arready, rdata, rresp, rvalid, rready;
    private final SimPort h2cData, h2cKeep, h2cLast, h2cValid, h2cReady;
    private final SimPort c2hData, c2hValid, c2hReady;
    private final AxiLiteChecker axilChecker;
    private final AxiStreamChecker h2cChecker, c2hChecker;
    private final Arena arena = Arena.ofShared();
    /** A beat offered to H2C and not yet taken: it stays offered across calls (AXI4-Stream forbids withdrawing it). */
    private boolean h2cOffered;
    private Transfer h2cOwner;

    private SimLink(Sim<AcceleratorTop> sim, AcceleratorTop.Config config, Options options) {
        this.sim = sim;
        this.config = config;
        this.options = options;
        this.random = new Random(options.seed());
        this.wordBytes = config.dataWidth() / 8;
        awaddr = sim.in("s_axil_awaddr"); awprot = sim.in("s_axil_awprot"); awvalid = sim.in("s_axil_awvalid");
        awready = sim.out("s_axil_awready"); wdata = sim.in("s_axil_wdata"); wstrb = sim.in("s_axil_wstrb");
        wvalid = sim.in("s_axil_wvalid"); wready = sim.out("s_axil_wready"); bvalid = sim.out("s_axil_bvalid");
        bready = sim.in("s_axil_bready"); bresp = sim.out("s_axil_bresp");
        araddr = sim.in("s_axil_araddr"); arprot = sim.in("s_axil_arprot"); arvalid = sim.in("s_axil_arvalid");
        arready = sim.out("s_axil_arready"); rdata = sim.out("s_axil_rdata"); rresp = sim.out("s_axil_rresp");
        rvalid = sim.out("s_axil_rvalid"); rready = sim.in("s_axil_rready");
        h2cData = sim.in("s_axis_h2c_tdata"); h2cKeep = sim.in("s_axis_h2c_tkeep"); h2cLast = sim.in("s_axis_h2c_tlast");
        h2cValid = sim.in("s_axis_h2c_tvalid"); h2cReady = sim.out("s_axis_h2c_tready");
        c2hData = sim.out("m_axis_c2h_tdata"); c2hValid = sim.out("m_axis_c2h_tvalid"); c2hReady = sim.in("m_axis_c2h_tready");
        axilChecker = sim.add(new AxiLiteChecker(sim, "s_axil"));
        h2cChecker = sim.add(new AxiStreamChecker(sim, "s_axis_h2c"));
        c2hChecker = sim.add(new AxiStreamChecker(sim, "m_axis_c2h"));
    }

    /** Builds (or finds in the cache) the top of {@code config}, with its ID hash, and starts it out of reset. */
    public static SimLink open(AcceleratorTop.Config config, Options options) {
        Sim<AcceleratorTop> sim = Sim.of(Spindle.elaborate(() -> Accelerators.top(config)), options.waves());
        try {
            // A unit on its own clock takes its reset through a synchronizer: hold axi_aresetn long enough for it.
            if (config.unitOnOwnClock()) sim.reset(UNIT_RESET_CYCLES);
            return new SimLink(sim, sim.dut().config(), options);
        } catch (RuntimeException e) {
            sim.close();
            throw e;
        }
    }

    /** The configuration simulated, with its ID hash. */
    public AcceleratorTop.Config config() { return config; }

    /** The manifest of the simulated top (what a bitstream built from it would carry). */
    public Manifest manifest() { return sim.verilog().manifest(); }

    public Sim<AcceleratorTop> sim() { return sim; }

    /** Cycles of {@code axi_aclk} since reset. */
    public long cycles() { return sim.cycleCount(); }

    /** Transfers the protocol checkers saw (AXI4-Lite, H2C beats, C2H beats). */
    public long[] checkedTransfers() { return new long[] {axilChecker.transfers(), h2cChecker.beats(), c2hChecker.beats()}; }

    @Override public String device() { return "sim"; }

    @Override public int wordBytes() { return wordBytes; }

    @Override public MemorySegment allocate(Arena arena, long bytes) { return arena.allocate(Math.max(bytes, 1), XdmaLink.PAGE); }

    @Override public MemorySegment allocate(long bytes) { return allocate(arena, bytes); }

    @Override
    public int readRegister(int offset) {
        enterSim();
        try {
            return readRegisterTimed(offset);
        } finally {
            exitSim();
        }
    }

    private int readRegisterTimed(int offset) {
        araddr.setRaw(Integer.toUnsignedLong(offset));
        arprot.setRaw(0);
        arvalid.setRaw(1);
        rready.setRaw(1);
        boolean asked = false;
        for (int i = 0; i < REGISTER_CYCLES; i++) {
            idleStreams();
            sim.eval();
            boolean arFire = !asked && arready.raw() != 0;
            boolean rFire = rvalid.raw() != 0;
            int value = (int) rdata.raw();
            long resp = rresp.raw();
            sim.cycle();
            if (arFire) {
                asked = true;
                arvalid.setRaw(0);
            }
            if (rFire && asked) {
                rready.setRaw(0);
                if (resp != 0) throw new LinkException("sim: register read at 0x" + Integer.toHexString(offset) + " answered SLVERR: no register there (see AcceleratorRegisters)");
                return value;
            }
        }
        throw new LinkException("sim: register read at 0x" + Integer.toHexString(offset) + " got no answer in " + REGISTER_CYCLES + " cycles: the AXI4-Lite bank is stuck");
    }

    @Override
    public void writeRegister(int offset, int value) {
        enterSim();
        try {
            writeRegisterTimed(offset, value);
        } finally {
            exitSim();
        }
    }

    private void writeRegisterTimed(int offset, int value) {
        awaddr.setRaw(Integer.toUnsignedLong(offset));
        awprot.setRaw(0);
        awvalid.setRaw(1);
        wdata.setRaw(Integer.toUnsignedLong(value));
        wstrb.setRaw(0xF);
        wvalid.setRaw(1);
        bready.setRaw(1);
        boolean addressTaken = false, dataTaken = false;
        for (int i = 0; i < REGISTER_CYCLES; i++) {
            idleStreams();
            sim.eval();
            boolean awFire = !addressTaken && awready.raw() != 0;
            boolean wFire = !dataTaken && wready.raw() != 0;
            boolean bFire = bvalid.raw() != 0;
            long resp = bresp.raw();
            sim.cycle();
            if (awFire) { addressTaken = true; awvalid.setRaw(0); }
            if (wFire) { dataTaken = true; wvalid.setRaw(0); }
            if (bFire && addressTaken && dataTaken) {
                bready.setRaw(0);
                if (resp != 0) throw new LinkException("sim: register write at 0x" + Integer.toHexString(offset) + " answered SLVERR: no register there (see AcceleratorRegisters)");
                return;
            }
        }
        throw new LinkException("sim: register write at 0x" + Integer.toHexString(offset) + " got no answer in " + REGISTER_CYCLES + " cycles: the AXI4-Lite bank is stuck");
    }

    @Override public void write(MemorySegment h2c, Duration timeout) { stream(h2c, null, timeout); }

    @Override public void exchange(MemorySegment h2c, MemorySegment c2h, Duration timeout) { stream(h2c, c2h, timeout); }

    @Override public void read(MemorySegment c2h, Duration timeout) { stream(null, c2h, timeout); }

    /** One direction of a stream transfer in progress: whole words of a buffer, moved a beat at a time. */
    public final class Transfer {
        final MemorySegment data;
        final long beats;
        long done;

        public Transfer(MemorySegment data, String what) {
            this.data = data;
            this.beats = beatsOf(data, what);
        }

        public boolean complete() { return done >= beats; }

        public long bytesDone() { return done * wordBytes; }
    }

    private void stream(MemorySegment h2c, MemorySegment c2h, Duration timeout) {
        enterSim();
        try {
            streamTimed(h2c, c2h, timeout);
        } finally {
            exitSim();
        }
    }

    private void streamTimed(MemorySegment h2c, MemorySegment c2h, Duration timeout) {
        Transfer out = h2c == null ? null : new Transfer(h2c, "H2C write");
        Transfer in = c2h == null ? null : new Transfer(c2h, "C2H read");
        long budget = Math.max(1, Math.min(options.maxWaitCycles(), timeout.toNanos() / Math.round(AcceleratorTop.PERIOD_NS)));
        for (long cycle = 0; !(out == null || out.complete()) || !(in == null || in.complete()); cycle++) {
            if (cycle >= budget) {
                c2hReady.setRaw(0);
                boolean reading = in != null && !in.complete();
                String what = reading
                        ? "C2H read of " + in.beats * wordBytes + " bytes timed out after " + budget + " cycles with " + in.bytesDone() + " bytes received"
                        : "H2C write of " + out.beats * wordBytes + " bytes timed out after " + budget + " cycles with " + out.bytesDone() + " bytes taken";
                throw new LinkException.Timeout("sim: " + what + " (the device did not " + (reading ? "answer" : "accept the data") + ")",
                        (in == null ? 0 : in.bytesDone()) + (out == null ? 0 : out.bytesDone()));
            }
            stepTimed(out, in);
        }
        c2hReady.setRaw(0);
    }

    /**
     * One clock cycle of streaming: offers the next H2C beat of {@code h2c} (unless a random gap; a beat left
     * offered by an abandoned transfer goes first), takes a C2H beat into {@code c2h} while it wants more (unless
     * random back-pressure). Either may be null. For callers that pace transfers themselves (the emulated device).
     */
    public void step(Transfer h2c, Transfer c2h) {
        long t0 = System.nanoTime();
        try {
            stepTimed(h2c, c2h);
        } finally {
            simNanos += System.nanoTime() - t0;
        }
    }

    /**
     * Wall-clock nanoseconds spent simulating (register accesses, stream transfers, {@link #step}): what the host
     * benchmark leaves out. Read it from the thread that drives the link, or after a happens-before edge (a joined
     * future).
     */
    public long simNanos() { return simNanos; }

    /** CPU nanoseconds of the driving thread spent simulating (register accesses and stream transfers). */
    public long simCpuNanos() { return simCpuNanos; }

    private long simNanos, simCpuNanos;
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private long enteredWall, enteredCpu;

    private void enterSim() {
        enteredWall = System.nanoTime();
        enteredCpu = THREADS.getCurrentThreadCpuTime();
    }

    private void exitSim() {
        simCpuNanos += THREADS.getCurrentThreadCpuTime() - enteredCpu;
        simNanos += System.nanoTime() - enteredWall;
    }

    private void stepTimed(Transfer h2c, Transfer c2h) {
        int words = wordBytes / 4;
        if (!h2cOffered && h2c != null && !h2c.complete() && random.nextDouble() >= options.h2cGaps()) {
            long base = h2c.done * wordBytes;
            for (int i = 0; i < words; i++) h2cData.setWord(i, h2c.data.get(WORD, base + 4L * i));
            h2cKeep.setBig(java.math.BigInteger.ONE.shiftLeft(wordBytes).subtract(java.math.BigInteger.ONE));
            h2cLast.setRaw(h2c.done == h2c.beats - 1 ? 1 : 0);
            h2cValid.setRaw(1);
            h2cOffered = true;
            h2cOwner = h2c;
        }
        c2hReady.setRaw(c2h != null && !c2h.complete() && random.nextDouble() >= options.c2hBackPressure() ? 1 : 0);
        sim.eval();
        boolean h2cFire = h2cOffered && h2cReady.raw() != 0;
        boolean c2hFire = c2hReady.raw() != 0 && c2hValid.raw() != 0;
        if (c2hFire) {
            long base = c2h.done * wordBytes;
            for (int i = 0; i < words; i++) c2h.data.set(WORD, base + 4L * i, c2hData.word(i));
        }
        sim.cycle();
        if (h2cFire) {
            h2cOffered = false;
            h2cValid.setRaw(0);
            if (h2cOwner == h2c && h2c != null) h2c.done++;
            h2cOwner = null;
        }
        if (c2hFire) c2h.done++;
        c2hReady.setRaw(0);
    }

    /** Between transfers: a beat already offered stays offered; C2H takes nothing (no read posted). */
    private void idleStreams() { c2hReady.setRaw(0); }

    private long beatsOf(MemorySegment s, String what) {
        if (s.byteSize() % wordBytes != 0) {
            throw new IllegalArgumentException(what + " of " + s.byteSize() + " bytes is not a whole number of " + wordBytes + "-byte data-path words");
        }
        return s.byteSize() / wordBytes;
    }

    /** Runs the clock with the streams idle (lets a test watch counters or the pipeline drain). */
    public void idle(long cycles) {
        for (long i = 0; i < cycles; i++) {
            idleStreams();
            sim.cycle();
        }
    }

    private boolean closed;

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            sim.close();
        } finally {
            arena.close();
        }
    }
}
