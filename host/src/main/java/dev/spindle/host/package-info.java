/**
 * The host driver: one {@code Accelerator} API over a {@code Link}, either the simulated device (the Verilated
 * accelerator top, in-process) or a real board's XDMA character devices.
 */
package dev.spindle.host;
