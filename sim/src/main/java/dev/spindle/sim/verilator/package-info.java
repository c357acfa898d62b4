/**
 * The native layer of Spindle's simulator: Verilog to a cached Verilator shared library, driven
 * in-process through FFM.
 *
 * <ul>
 *   <li>{@link dev.spindle.sim.verilator.VerilatorBuild} turns a directory of Verilog files, a top name
 *       and its {@link dev.spindle.sim.verilator.PortSpec}s into a
 *       {@link dev.spindle.sim.verilator.ModelLibrary}, cached by content hash under
 *       {@link dev.spindle.sim.verilator.CacheLayout} ({@code $SPINDLE_CACHE} or
 *       {@code ~/.cache/spindle/verilator}); Verilator's errors come back as a
 *       {@link dev.spindle.sim.verilator.VerilatorException} naming Verilog file:line and its text.</li>
 *   <li>{@link dev.spindle.sim.verilator.NativeModel} loads a library and gives
 *       {@link dev.spindle.sim.verilator.Port} handles that read and write the model's memory directly;
 *       a clock cycle is one downcall into the generated C++ shim ({@code shim.cpp}).</li>
 *   <li>{@link dev.spindle.sim.verilator.NativeBenchmark} runs the same stimulus as a C++ loop and as a
 *       Java loop, to measure what the binding costs.</li>
 * </ul>
 *
 * <p>Process-wide state: none. Each {@code NativeModel} owns its own reference to its library (a
 * {@code dlopen} per instance, shared by the dynamic loader) and releases it on close.
 */
package dev.spindle.sim.verilator;
