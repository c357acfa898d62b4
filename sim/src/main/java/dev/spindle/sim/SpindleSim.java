package dev.spindle.sim;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a JUnit 5 test class as a Spindle simulation test. Test methods may take:
 * <ul>
 * <li>{@code Random}: seeded per test (from the test's id, or {@code -Dspindle.seed=N}); the seed is printed when
 *     the test fails;</li>
 * <li>{@code Sim<T>}: a fresh simulation of the design returned by the class's static {@link Dut} method (which may
 *     take the configuration from the test's arguments, for {@code @ParameterizedTest});</li>
 * <li>{@code SimSession}: to create simulations of other designs ({@code session.sim(() -> new X(cfg))}).</li>
 * </ul>
 * When a test fails, it is run once more with the same seed and waveforms on, and the FST files are left in
 * {@code target/waves/<TestClass>/<test>.fst}; {@code -Dspindle.waves=all} records every test from the start.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SpindleSimExtension.class)
public @interface SpindleSim {}
