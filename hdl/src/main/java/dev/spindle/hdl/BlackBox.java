package dev.spindle.hdl;

/**
 * A module defined elsewhere (vendor IP such as the XDMA core): declare its ports in {@code io}; Spindle emits the
 * instance, not the module. Clock and reset are ordinary ports driven by the parent
 * ({@code bb.io.aclk.assign(clockDomain().clock())}).
 */
public abstract class BlackBox extends Component {
    protected BlackBox(String moduleName) {
        node().setBlackBoxModule(moduleName);
    }

    /** A Verilog parameter of the instance ({@code #(.NAME(value))}): Integer, Long, String or Boolean. */
    protected final void parameter(String name, Object value) { node().blackBoxParameters().put(name, value); }
}
