/**
 * Fixed-point and integer arithmetic units, in the hardcaml style: one small file per circuit, a {@code Config} record
 * validated with messages that name the field and its range, a doc comment stating the latency, a static method that
 * builds the logic inline in the current component and a component form ({@code child(() -> new AdderTree(cfg))}),
 * and a bit-exact model beside each ({@code AdderTreeModel}...), written from the definition in plain Java integer
 * arithmetic.
 *
 * <table>
 * <caption>Units and latencies</caption>
 * <tr><th>unit</th><th>inline</th><th>latency (cycles)</th></tr>
 * <tr><td>{@link dev.spindle.lib.math.AdderTree}</td><td>{@code sum(xs, k[, enable])}</td>
 *     <td>{@code floor(ceil(log2 n) / k)}, 0 for k = 0</td></tr>
 * <tr><td>{@link dev.spindle.lib.math.MaxTree}</td><td>{@code max(xs, k[, enable])}, {@code argMax(xs, k[, enable])}</td>
 *     <td>{@code floor(ceil(log2 n) / k)}, 0 for k = 0</td></tr>
 * <tr><td>{@link dev.spindle.lib.math.Mac}</td><td>{@code accumulate(cfg, a, b, enable, clear)}</td>
 *     <td>{@code 1 + (registerProduct ? 1 : 0)}</td></tr>
 * <tr><td>{@link dev.spindle.lib.math.FunctionTable}</td><td>{@code lookup(cfg, x[, enable])}</td><td>1</td></tr>
 * <tr><td>{@link dev.spindle.lib.math.Reciprocal}</td><td>{@code of(cfg, d)}</td><td>5</td></tr>
 * </table>
 *
 * <p>The trees and the MAC take SInt or UInt (a component's ports are SInt when its config says {@code signed}, else
 * UInt; fixed-point values go through {@code SFix.raw()} with the binary point kept by the caller: a sum of
 * {@code sI.F} values is {@code s(I + ceil(log2 n)).F}, a product of {@code sIa.Fa} and {@code sIb.Fb} is
 * {@code s(Ia+Ib).(Fa+Fb)}). The function table and the reciprocal take and give SFix/UFix.
 */
package dev.spindle.lib.math;
