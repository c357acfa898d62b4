package dev.spindle.nn.top;

import dev.spindle.design.BuiltinDesigns;
import dev.spindle.design.Design;
import dev.spindle.design.DesignProvider;

import java.util.List;

/**
 * The accelerator top in the design registry: {@code spindle generate accelerator --set unit=softmax(length=16)
 * --set dataWidth=128}. The ID hash is computed by the builder ({@link Accelerators#top}); a set {@code idHash} is
 * replaced by it.
 */
public final class AcceleratorDesigns implements DesignProvider {
    public static final Design<AcceleratorTop.Config, AcceleratorTop> ACCELERATOR = new Design<>("accelerator",
            "accelerator top with the XDMA user-side ports wrapping a unit (softmax or dot; docs/accelerator.md)",
            AcceleratorTop.Config.class,
            new AcceleratorTop.Config(new SoftmaxUnit(BuiltinDesigns.SOFTMAX.defaults()), Accelerators.DEFAULT_DATA_WIDTH, AcceleratorRegisters.Id.ZERO_HASH),
            Accelerators::top);

    @Override
    public List<Design<?, ?>> designs() { return List.of(ACCELERATOR); }
}
