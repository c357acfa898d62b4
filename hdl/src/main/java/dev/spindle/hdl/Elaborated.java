package dev.spindle.hdl;

import dev.spindle.hdl.ir.ComponentNode;
import dev.spindle.hdl.ir.Domain;

import java.util.List;

/** A checked design: the top component object (for typed access to its io) and its netlist. */
public record Elaborated<T extends Component>(T top, ComponentNode root, List<Domain> domains) {}
