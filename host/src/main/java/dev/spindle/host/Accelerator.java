package dev.spindle.host;

import dev.spindle.lib.axi.RegisterMap;
import dev.spindle.nn.top.AcceleratorRegisters;
import dev.spindle.nn.top.AcceleratorTop;
import dev.spindle.nn.top.AcceleratorUnit;
import dev.spindle.nn.top.Cause;
import dev.spindle.nn.top.Packet;
import dev.spindle.nn.top.RowLayout;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;

/**
 * A Spindle accelerator top behind a {@link Link}: the same code drives the simulated device and a board.
 * {@link #open} checks the ID registers against the manifest, {@link #loadWeights} loads and verifies weights
 * (CRC-32 computed by the hardware, read back), {@link #infer} runs rows and returns outputs with the hardware's
 * counters, {@link #submit} overlaps the host's packing with the device's work (double-buffered).
 *
 * <p><b>Thread-safety rule:</b> an Accelerator belongs to the thread that opened it; every public method called
 * from another thread throws {@link IllegalStateException}. Transfers run one at a time on the accelerator's own
 * transfer thread, in submission order, so the link (and each XDMA channel) is never used by two threads at once.
 */
public final class Accelerator implements AutoCloseable {
    private static final ValueLayout.OfLong WORD64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final RegisterMap REGS = AcceleratorRegisters.LAYOUT;
    /** How many submitted batches may be in flight (packed and waiting, or transferring): double buffering. */
    public static final int IN_FLIGHT = 2;

    /** Deadlines, and how many weight beats a WEIGHTS packet carries. */
    public record Options(Duration timeout, int weightChunkBeats) {
        public Options {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive, got " + timeout);
            if (weightChunkBeats < 1) throw new IllegalArgumentException("weightChunkBeats = " + weightChunkBeats + " is out of range: allowed >= 1");
        }

        public static Options defaults() { return new Options(Duration.ofSeconds(2), 1024); }
    }

    /** Outputs (raw values, one row per input row) and the hardware's counters after the batch. */
    public record Result(long[][] outputs, Counters counters) {}

    private final Link link;
    private final AcceleratorTop.Config config;
    private final AcceleratorUnit unit;
    private final Options options;
    private final Thread owner = Thread.currentThread();
    private final ExecutorService transfers;
    /** The transfer tasks of submitted batches, oldest first (not the futures handed out: a caller may cancel those). */
    private final Deque<Future<?>> inFlight = new ArrayDeque<>();
    /**
     * One request and one response buffer per batch in flight, reused round-robin: batch n takes slot n % IN_FLIGHT,
     * which batch n - IN_FLIGHT has left (submit waits for it first). The weight packets and the drain of a stray
     * C2H beat have one buffer each. All are freed by {@link #close}.
     */
    private final StreamBuffer[] requests = new StreamBuffer[IN_FLIGHT], responses = new StreamBuffer[IN_FLIGHT];
    private final StreamBuffer weightPackets, drain;
    private long submitted;
    private final RowLayout in, out;
    private long[] weights = new long[0];

    private Accelerator(Link link, AcceleratorTop.Config config, Options options) {
        this.link = link;
        this.config = config;
        this.unit = config.unit();
        this.options = options;
        this.in = unit.inputLayout(config.dataWidth());
        this.out = unit.outputLayout(config.dataWidth());
        for (int i = 0; i < IN_FLIGHT; i++) {
            requests[i] = new StreamBuffer(link);
            responses[i] = new StreamBuffer(link);
        }
        this.weightPackets = new StreamBuffer(link);
        this.drain = new StreamBuffer(link);
        this.transfers = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().name("spindle-transfers-" + link.device()).unstarted(r));
    }

    /**
     * Opens the accelerator on {@code link}, refusing a device whose ID registers do not match {@code expected}
     * (the configuration from the manifest, with its ID hash): both hashes are in the message.
     */
    public static Accelerator open(Link link, AcceleratorTop.Config expected, Options options) {
        Accelerator a = new Accelerator(link, expected, options);
        try {
            a.onTransferThread(a::checkId);
            return a;
        } catch (RuntimeException e) {
            a.transfers.shutdownNow();
            throw e;
        }
    }

    public static Accelerator open(Link link, AcceleratorTop.Config expected) { return open(link, expected, Options.defaults()); }

    private Void checkId() {
        int magic = link.readRegister(REGS.offset("MAGIC"));
        if (magic != AcceleratorRegisters.MAGIC) {
            throw new AcceleratorException(link.device() + ": no Spindle accelerator: MAGIC reads 0x" + Integer.toHexString(magic)
                    + ", expected 0x" + Integer.toHexString(AcceleratorRegisters.MAGIC) + " (is the bitstream programmed and the PCIe device rescanned?)");
        }
        int version = link.readRegister(REGS.offset("VERSION"));
        if (version != AcceleratorRegisters.VERSION) {
            throw new AcceleratorException(link.device() + ": register map version " + version + ", this host library speaks version " + AcceleratorRegisters.VERSION);
        }
        byte[] hash = new byte[32];
        for (int k = 0; k < AcceleratorRegisters.HASH_WORDS; k++) {
            int word = link.readRegister(REGS.offset("ID_HASH_" + k));
            for (int b = 0; b < 4; b++) hash[4 * k + b] = (byte) (word >>> (24 - 8 * b));
        }
        String device = HexFormat.of().formatHex(hash);
        if (!device.equals(config.idHash())) {
            throw new AcceleratorException(link.device() + ": the bitstream's ID hash " + device + " is not the manifest's " + config.idHash()
                    + ": the device runs another build; program the bitstream built from this manifest (or open it with its own manifest)");
        }
        int width = link.readRegister(REGS.offset("DATA_WIDTH"));
        if (width != config.dataWidth() || width / 8 != link.wordBytes()) {
            throw new AcceleratorException(link.device() + ": data width " + width + " bits on the device, " + config.dataWidth() + " in the manifest, "
                    + link.wordBytes() * 8 + " on the link");
        }
        return null;
    }

    public AcceleratorTop.Config config() { return config; }

    public Link link() { return link; }

    /**
     * Loads the weights (raw values, {@code unit.weightCount()} of them) in packets of {@code weightChunkBeats}
     * beats and checks the hardware's CRC-32 of what it received against the host's. On any failure the weights
     * stay marked invalid in the hardware and {@link #infer} refuses.
     */
    public void loadWeights(long[] values) {
        checkOwner();
        drainSubmitted();
        RowLayout layout = unit.weightLayout(config.dataWidth());
        if (layout == null) throw new IllegalArgumentException(unit.name() + " takes no weights");
        if (values.length != unit.weightCount()) {
            throw new IllegalArgumentException("weights has " + values.length + " values, " + unit.name() + " takes " + unit.weightCount());
        }
        onTransferThread(() -> {
            weights = new long[0];
            int wb = link.wordBytes();
            byte[] payload = new byte[layout.bytesPerRow()];
            layout.pack(values, MemorySegment.ofArray(payload), 0);
            long totalBeats = layout.beatsPerRow();
            for (long offset = 0; offset < totalBeats; offset += options.weightChunkBeats()) {
                long beats = Math.min(options.weightChunkBeats(), totalBeats - offset);
                MemorySegment packet = weightPackets.sized((beats + 1) * wb);
                packet.set(WORD64, 0, new Packet.Header(Packet.WEIGHTS, (int) offset, beats).encode());
                MemorySegment.copy(MemorySegment.ofArray(payload), offset * wb, packet, wb, beats * wb);
                try {
                    link.write(packet, options.timeout());
                } catch (LinkException e) {
                    recoverQuietly();
                    throw new AcceleratorException(link.device() + ": weight load interrupted at beat " + offset + " of " + totalBeats
                            + " (" + e.getMessage() + "); the weights are marked invalid, load them again", Cause.NONE, e);
                }
            }
            int status = link.readRegister(REGS.offset("STATUS"));
            failOnError(status, "weight load");
            long got = Integer.toUnsignedLong(link.readRegister(REGS.offset("WEIGHT_BEATS")));
            if (field("weights_valid", status) != 1 || got != totalBeats) {
                throw new AcceleratorException(link.device() + ": weight load incomplete: the device has " + got + " of " + totalBeats + " beats");
            }
            CRC32 crc = new CRC32();
            crc.update(payload);
            long device = Integer.toUnsignedLong(link.readRegister(REGS.offset("WEIGHT_CRC")));
            if (device != crc.getValue()) {
                link.writeRegister(REGS.offset("CONTROL"), REGS.field("CONTROL", "invalidate_weights").insert(1));
                throw new AcceleratorException(link.device() + ": weight CRC-32 mismatch: the device computed 0x" + Long.toHexString(device)
                        + ", the host sent 0x" + Long.toHexString(crc.getValue()) + "; the weights are marked invalid");
            }
            weights = values.clone();
            return null;
        });
    }

    /** Runs {@code rows} (raw input values) and returns their outputs and the counters afterwards. */
    public Result infer(long[][] rows) {
        checkOwner();
        return await(submit(rows));
    }

    /**
     * Packs {@code rows} on the calling thread and queues their transfer; at most {@link #IN_FLIGHT} batches are in
     * flight, so this waits for the oldest when both buffers are busy. Results arrive in submission order.
     */
    public CompletableFuture<Result> submit(long[][] rows) {
        checkOwner();
        while (inFlight.size() >= IN_FLIGHT) awaitQuietly(inFlight.removeFirst());
        if (rows.length == 0) throw new IllegalArgumentException("rows is empty: submit at least one row");
        if (rows.length > Packet.MAX_ARG) throw new IllegalArgumentException("rows has " + rows.length + " rows: at most " + Packet.MAX_ARG + " a batch");
        int wb = link.wordBytes();
        int slot = (int) (submitted++ % IN_FLIGHT);
        MemorySegment request = requests[slot].sized((1L + (long) rows.length * in.beatsPerRow()) * wb);
        MemorySegment response = responses[slot].sized((1L + (long) rows.length * out.beatsPerRow()) * wb);
        request.asSlice(0, wb).fill((byte) 0);
        request.set(WORD64, 0, new Packet.Header(Packet.TOKENS, rows.length, (long) rows.length * in.beatsPerRow()).encode());
        long rowBytes = in.bytesPerRow();
        for (int r = 0; r < rows.length; r++) in.pack(rows[r], request, wb + r * rowBytes);
        CompletableFuture<Result> result = new CompletableFuture<>();
        inFlight.addLast(transfers.submit(() -> {
            try {
                result.complete(transfer(rows.length, request, response));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }));
        return result;
    }

    private Result transfer(int rows, MemorySegment request, MemorySegment response) {
        if (unit.weightCount() > 0 && weights.length == 0) {
            throw new AcceleratorException(link.device() + ": no valid weights loaded (a failed or interrupted load leaves them invalid): call loadWeights first",
                    Cause.NO_WEIGHTS, null);
        }
        try {
            link.exchange(request, response, options.timeout());
        } catch (LinkException e) {
            String state = recoverQuietly();
            throw new AcceleratorException(link.device() + ": inference of " + rows + " rows failed: " + e.getMessage() + "; " + state, Cause.NONE, e);
        }
        Packet.Header header = Packet.Header.decode(response.get(WORD64, 0));
        long expectBeats = (long) rows * out.beatsPerRow();
        if (header.kind() == Packet.ERROR) {
            Cause cause = Cause.of(header.arg());
            link.writeRegister(REGS.offset("STATUS"), REGS.field("STATUS", "error").insert(1));
            throw new AcceleratorException(link.device() + ": the accelerator refused " + rows + " rows: " + cause, cause, null);
        }
        if (header.kind() != Packet.RESULTS || header.arg() != rows || header.beats() != expectBeats) {
            String state = recoverQuietly();
            throw new AcceleratorException(link.device() + ": malformed response header " + header + " for " + rows + " rows (expected RESULTS, "
                    + rows + " rows, " + expectBeats + " beats); " + state);
        }
        long wb = link.wordBytes(), rowBytes = out.bytesPerRow();
        long[][] outputs = new long[rows][out.length()];
        for (int r = 0; r < rows; r++) out.unpack(response, wb + r * rowBytes, unit.outputSigned(), outputs[r]);
        return new Result(outputs, readCounters());
    }

    /** The hardware counters now. */
    public Counters counters() {
        checkOwner();
        drainSubmitted();
        return onTransferThread(this::readCounters);
    }

    /** Zeroes the hardware counters. */
    public void clearCounters() {
        checkOwner();
        drainSubmitted();
        onTransferThread(() -> {
            link.writeRegister(REGS.offset("CONTROL"), REGS.field("CONTROL", "clear_counters").insert(1));
            return null;
        });
    }

    /** STATUS as read from the device. */
    public int status() {
        checkOwner();
        drainSubmitted();
        return onTransferThread(() -> link.readRegister(REGS.offset("STATUS")));
    }

    private Counters readCounters() {
        return new Counters(reg("BUSY_CYCLES"), reg("INFERENCES"), reg("STALL_IN"), reg("STALL_OUT"), reg("LAST_LATENCY"), reg("PACKETS"));
    }

    private long reg(String name) { return Integer.toUnsignedLong(link.readRegister(REGS.offset(name))); }

    private static long field(String name, int status) { return REGS.field("STATUS", name).extract(status); }

    private void failOnError(int status, String what) {
        if (field("error", status) != 0) {
            Cause cause = Cause.of((int) field("cause", status));
            link.writeRegister(REGS.offset("STATUS"), REGS.field("STATUS", "error").insert(1));
            throw new AcceleratorException(link.device() + ": " + what + " failed: " + cause, cause, null);
        }
    }

    /**
     * Puts the accelerator back into a known state after a failure (done automatically after a failed transfer):
     * returns what it found, e.g. that it is ready again or why not.
     */
    public String recover() {
        checkOwner();
        drainSubmitted();
        return onTransferThread(this::recoverQuietly);
    }

    /**
     * After a failed transfer: abort the packet in progress, take a C2H beat left offered, clear the error, and say
     * whether the accelerator is idle again.
     */
    private String recoverQuietly() {
        try {
            link.writeRegister(REGS.offset("CONTROL"), REGS.field("CONTROL", "abort").insert(1));
            // The unit drains what it holds (its latency), and a C2H beat already offered must be read out.
            long deadline = System.nanoTime() + options.timeout().toNanos();
            int status = link.readRegister(REGS.offset("STATUS"));
            for (int polls = 0; polls < 20_000 && System.nanoTime() < deadline
                    && (field("busy", status) != 0 || field("c2h_pending", status) != 0); polls++) {
                if (field("c2h_pending", status) != 0) link.read(drain.sized(link.wordBytes()), options.timeout());
                status = link.readRegister(REGS.offset("STATUS"));
            }
            link.writeRegister(REGS.offset("STATUS"), REGS.field("STATUS", "error").insert(1) | REGS.field("STATUS", "done").insert(1));
            status = link.readRegister(REGS.offset("STATUS"));
            if (field("busy", status) != 0 || field("c2h_pending", status) != 0) {
                return "the accelerator did not recover (STATUS = 0x" + Integer.toHexString(status) + "): reset it (reprogram or PCIe reset)";
            }
            return "the accelerator was reset with CONTROL.abort and is ready again"
                    + (unit.weightCount() > 0 && field("weights_valid", status) == 0 ? " (its weights are invalid: load them again)" : "");
        } catch (RuntimeException e) {
            return "the accelerator could not be recovered: " + e.getMessage();
        }
    }

    private <T> T onTransferThread(java.util.concurrent.Callable<T> work) { return await(transfers.submit(work)); }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error er) throw er;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void awaitQuietly(Future<?> f) {
        try {
            f.get();
        } catch (ExecutionException e) {
            // The caller holds the future and sees the failure there.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drainSubmitted() { while (!inFlight.isEmpty()) awaitQuietly(inFlight.removeFirst()); }

    private void checkOwner() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("this Accelerator belongs to thread '" + owner.getName() + "' and was called from '"
                    + Thread.currentThread().getName() + "': use one Accelerator per thread, or hand work to its owner (submit() overlaps transfers)");
        }
    }

    /** Waits for submitted work, stops the transfer thread and closes the link. */
    @Override
    public void close() {
        checkOwner();
        drainSubmitted();
        transfers.shutdown();
        try {
            transfers.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            link.close();
        } finally {
            for (StreamBuffer b : requests) b.close();
            for (StreamBuffer b : responses) b.close();
            weightPackets.close();
            drain.close();
        }
    }

    /** Native bytes this accelerator holds in stream buffers (fixed once the largest batch has been seen). */
    public long bufferBytes() {
        checkOwner();
        long n = weightPackets.capacity() + drain.capacity();
        for (int i = 0; i < IN_FLIGHT; i++) n += requests[i].capacity() + responses[i].capacity();
        return n;
    }

}
