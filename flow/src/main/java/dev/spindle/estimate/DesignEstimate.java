package dev.spindle.estimate;

import dev.spindle.hdl.verilog.VerilogOutput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The estimate of an emitted design: its files and black-box stubs written to a scratch directory, then Yosys. */
public final class DesignEstimate {
    private DesignEstimate() {}

    public static ResourceEstimate of(VerilogOutput out, EstimateOptions options) {
        try (ScratchDir scratch = ScratchDir.create()) {
            Path dir = scratch.path();
            List<Path> files = new ArrayList<>(Arrays.asList(out.writeTo(dir)));
            List<Path> stubs = new ArrayList<>();
            for (var stub : out.blackBoxStubs().entrySet()) {
                Path p = dir.resolve(stub.getKey());
                Files.writeString(p, stub.getValue());
                stubs.add(p);
            }
            return new YosysEstimator().estimate(files, out.top(), options.withBlackboxes(stubs));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the design for the estimate: " + e.getMessage(), e);
        }
    }
}
