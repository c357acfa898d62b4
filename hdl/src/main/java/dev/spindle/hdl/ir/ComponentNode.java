package dev.spindle.hdl.ir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One component instance in the netlist: its ports, signals, memories, children and body. */
public final class ComponentNode {
    private final String definitionName;
    private final ComponentNode parent;
    private final SourceLoc loc;
    private String instanceName;
    private final List<Signal> ports = new ArrayList<>();
    private final List<Signal> signals = new ArrayList<>();
    private final List<MemNode> mems = new ArrayList<>();
    private final List<ComponentNode> children = new ArrayList<>();
    private final List<Op> namedOps = new ArrayList<>();
    private final Block body = new Block();
    private String blackBoxModule;
    private final Map<String, Object> blackBoxParameters = new LinkedHashMap<>();
    private Object config;
    private final Map<Signal, Signal> routed = new LinkedHashMap<>();

    public ComponentNode(String definitionName, ComponentNode parent, SourceLoc loc) {
        this.definitionName = definitionName;
        this.parent = parent;
        this.loc = loc;
        if (parent != null) parent.children.add(this);
    }

    public String definitionName() { return definitionName; }
    public ComponentNode parent() { return parent; }
    public SourceLoc loc() { return loc; }
    public String instanceName() { return instanceName; }
    public void setInstanceName(String name) { this.instanceName = name; }
    /** Ports in declaration order (io first, then clock and reset inputs added by clock routing). */
    public List<Signal> ports() { return ports; }
    /** Every signal created in this component, ports included, in creation order. */
    public List<Signal> signals() { return signals; }
    public List<MemNode> mems() { return mems; }
    public List<ComponentNode> children() { return children; }
    /** Operators that were given a local variable's name, in creation order (a name may have been taken back since). */
    public List<Op> namedOps() { return namedOps; }
    public Block body() { return body; }
    public boolean isBlackBox() { return blackBoxModule != null; }
    public String blackBoxModule() { return blackBoxModule; }
    public void setBlackBoxModule(String module) { this.blackBoxModule = module; }
    public Map<String, Object> blackBoxParameters() { return blackBoxParameters; }
    /** The configuration record the component was built from, for the manifest; may be null. */
    public Object config() { return config; }
    public void setConfig(Object config) { this.config = config; }

    /**
     * Clock, reset and enable signals of domains created above this component, mapped to the input ports that
     * clock routing added to bring them here.
     */
    public Map<Signal, Signal> routed() { return routed; }

    /** The signal that stands for {@code s} inside this component: a routed port, or {@code s} itself. */
    public Signal local(Signal s) { return routed.getOrDefault(s, s); }

    /** {@code top/fifo/ram}, for messages. */
    public String path() {
        String self = instanceName == null ? definitionName : instanceName;
        return parent == null ? definitionName : parent.path() + "/" + self;
    }

    public boolean isAncestorOf(ComponentNode other) {
        for (ComponentNode c = other.parent; c != null; c = c.parent) if (c == this) return true;
        return false;
    }
}
