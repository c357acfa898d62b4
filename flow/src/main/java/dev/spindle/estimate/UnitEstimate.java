package dev.spindle.estimate;

/**
 * One module of a per-module estimate.
 *
 * @param module    the module's name
 * @param instances how many instances of it the design holds
 * @param own       its own logic, synthesised once with the modules it instantiates left as black boxes
 * @param inclusive one instance with everything it instantiates: {@code own} plus each child's {@code inclusive}
 *                  times its count; depth the largest of them (paths across a module boundary are not counted)
 * @param sameAs    the module whose synthesis this one reuses (the same circuit under another name), else null
 */
public record UnitEstimate(String module, long instances, ResourceEstimate own, ResourceEstimate inclusive, String sameAs) {}
