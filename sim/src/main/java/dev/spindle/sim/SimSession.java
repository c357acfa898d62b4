package dev.spindle.sim;

import dev.spindle.hdl.Component;
import dev.spindle.hdl.Elaborated;
import dev.spindle.hdl.Spindle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The simulations of one test run. It closes them when the test ends and, when waves are on, gives each its
 * FST file ({@code <test>.fst}, then {@code <test>-1.fst}...).
 */
public final class SimSession implements AutoCloseable {
    private final Path wavesBase;
    private final List<Sim<?>> sims = new ArrayList<>();
    private final List<Path> waves = new ArrayList<>();

    /** @param wavesBase the waveform path without extension, or null for no waveforms */
    public SimSession(Path wavesBase) { this.wavesBase = wavesBase; }

    public <T extends Component> Sim<T> sim(Supplier<T> top) { return sim(Spindle.elaborate(top)); }

    public <T extends Component> Sim<T> sim(Elaborated<T> design) {
        Path fst = null;
        if (wavesBase != null) {
            String suffix = sims.isEmpty() ? "" : "-" + sims.size();
            fst = wavesBase.resolveSibling(wavesBase.getFileName() + suffix + ".fst");
            waves.add(fst);
        }
        Sim<T> sim = Sim.of(design, fst);
        sims.add(sim);
        return sim;
    }

    /** The waveform files written by this session. */
    public List<Path> waves() { return waves; }

    @Override
    public void close() {
        RuntimeException first = null;
        for (Sim<?> s : sims) {
            try {
                s.close();
            } catch (RuntimeException e) {
                if (first == null) first = e;
            }
        }
        sims.clear();
        if (first != null) throw first;
    }
}
