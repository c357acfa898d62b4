package dev.spindle.sim;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A static method of a {@link SpindleSim} class that builds the design its {@code Sim} parameters simulate. It takes
 * no parameter, or one: the configuration, taken from the test's own arguments, so one test runs over many
 * configurations with {@code @ParameterizedTest}:
 *
 * <pre>{@code
 * @Dut static Counter dut(Counter.Config c) { return new Counter(c); }
 *
 * static List<Counter.Config> configs() { return List.of(new Counter.Config(4, true), new Counter.Config(12, false)); }
 *
 * @ParameterizedTest @MethodSource("configs")
 * void counts(Counter.Config c, Sim<Counter> sim, Random rnd) { ... }     // one simulation per configuration
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Dut {}
