package dev.spindle.sim;

import dev.spindle.hdl.Component;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The {@link SpindleSim} extension: resolves {@code Random}, {@code Sim} and {@code SimSession} parameters,
 * closes the simulations after each test, and on a failure re-runs the test with the same seed and waveforms
 * on, then reports the seed and the FST path with the original failure.
 */
public final class SpindleSimExtension implements ParameterResolver, InvocationInterceptor {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SpindleSimExtension.class);

    /** Seed and session of one test invocation. */
    private record Run(long seed, SimSession session) implements ExtensionContext.Store.CloseableResource {
        @Override public void close() { session.close(); }
    }

    static boolean wavesForAll() { return "all".equals(System.getProperty("spindle.waves")); }

    static long seedFor(ExtensionContext context) {
        String fixed = System.getProperty("spindle.seed");
        if (fixed != null && !fixed.isBlank() && !fixed.equals("random")) return Long.parseLong(fixed.trim());
        if ("random".equals(fixed)) return new Random().nextLong();
        return context.getUniqueId().hashCode() * 0x9E3779B97F4A7C15L;
    }

    static Path wavesBase(ExtensionContext context) {
        String test = context.getRequiredTestMethod().getName();
        var invocation = java.util.regex.Pattern.compile("invocation:#(\\d+)").matcher(context.getUniqueId());
        if (invocation.find()) test += "_" + invocation.group(1);
        return Path.of("target", "waves", context.getRequiredTestClass().getSimpleName(), test);
    }

    private Run run(ExtensionContext context) {
        return context.getStore(NS).getOrComputeIfAbsent("run",
                k -> new Run(seedFor(context), new SimSession(wavesForAll() ? wavesBase(context) : null)), Run.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        Class<?> t = p.getParameter().getType();
        return t == Random.class || t == SeededRandom.class || t == SimSession.class || t == Sim.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return resolve(p.getParameter().getType(), run(e), e);
    }

    private static Object resolve(Class<?> type, Run run, ExtensionContext e) { return resolve(type, run, e, null); }

    /**
     * A {@code Sim} whose {@code @Dut} takes a configuration is built from the test's own arguments: while JUnit
     * resolves parameters they are not known yet, so it is left null here and made in {@link #intercept}.
     */
    private static Object resolve(Class<?> type, Run run, ExtensionContext e, List<Object> arguments) {
        if (type == Random.class || type == SeededRandom.class) return new SeededRandom(run.seed());
        if (type == SimSession.class) return run.session();
        if (type == Sim.class) {
            Method dut = dutMethod(e.getRequiredTestClass());
            if (dut.getParameterCount() == 1 && arguments == null) return null;
            return run.session().sim(() -> dut(dut, arguments));
        }
        throw new ParameterResolutionException("cannot resolve " + type);
    }

    /** The class's static {@code @Dut} method, with no parameter or one (the configuration). */
    private static Method dutMethod(Class<?> testClass) {
        for (Method m : testClass.getDeclaredMethods()) {
            if (m.isAnnotationPresent(Dut.class)) {
                if (!Modifier.isStatic(m.getModifiers()) || m.getParameterCount() > 1) {
                    throw new ParameterResolutionException("@Dut method " + m.getName()
                            + " must be static with no parameters, or one: the configuration, taken from the test's arguments");
                }
                return m;
            }
        }
        throw new ParameterResolutionException(testClass.getSimpleName() + " takes a Sim parameter but has no static @Dut method");
    }

    private static Component dut(Method m, List<Object> arguments) {
        Object[] args = {};
        if (m.getParameterCount() == 1) {
            Class<?> want = m.getParameterTypes()[0];
            Object config = arguments.stream().filter(want::isInstance).findFirst().orElseThrow(() -> new ParameterResolutionException(
                    "@Dut method " + m.getName() + " takes a " + want.getSimpleName() + ", but the test has no argument of that type:"
                            + " give it one, e.g. from @ParameterizedTest @MethodSource (see SpindleSim)"));
            args = new Object[] {config};
        }
        try {
            m.setAccessible(true);
            return (Component) m.invoke(null, args);
        } catch (InvocationTargetException ex) {
            if (ex.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(ex.getCause());
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The arguments with every {@code Sim} left for later ({@link #resolve}) made from the others. */
    private static Object[] completed(ReflectiveInvocationContext<Method> call, Run run, ExtensionContext context) {
        Object[] args = call.getArguments().toArray();
        Class<?>[] types = call.getExecutable().getParameterTypes();
        for (int i = 0; i < args.length; i++) {
            if (types[i] == Sim.class && args[i] == null) args[i] = resolve(Sim.class, run, context, Arrays.asList(args));
        }
        return args;
    }

    private static boolean hasLateSim(ReflectiveInvocationContext<Method> call) {
        Class<?>[] types = call.getExecutable().getParameterTypes();
        for (int i = 0; i < types.length; i++) if (types[i] == Sim.class && call.getArguments().get(i) == null) return true;
        return false;
    }

    private static void invoke(ReflectiveInvocationContext<Method> call, Object[] args) throws Throwable {
        Method m = call.getExecutable();
        m.setAccessible(true);
        try {
            m.invoke(call.getTarget().orElse(null), args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                    ExtensionContext context) throws Throwable {
        intercept(invocation, call, context);
    }

    /** A {@code @ParameterizedTest} (or other template) invocation: seeds, waves on failure, a configured {@code @Dut}. */
    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                            ExtensionContext context) throws Throwable {
        intercept(invocation, call, context);
    }

    private void intercept(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                           ExtensionContext context) throws Throwable {
        Run first = run(context);
        try {
            if (hasLateSim(call)) {
                Object[] args = completed(call, first, context);
                invocation.skip();
                invoke(call, args);
            } else {
                invocation.proceed();
            }
        } catch (Throwable failure) {
            first.session().close();
            List<Path> waves = first.session().waves();
            if (waves.isEmpty()) waves = rerunWithWaves(call, context, first.seed());
            String report = "[spindle] seed=" + first.seed() + " (rerun with -Dspindle.seed=" + first.seed() + ")"
                    + (waves.isEmpty() ? "" : "; waves: " + waves.stream().map(p -> p.toAbsolutePath().toString()).toList());
            System.err.println(report);
            AssertionError decorated = new AssertionError(failure.getMessage() + "\n" + report, failure);
            decorated.setStackTrace(failure.getStackTrace());
            throw decorated;
        }
    }

    /** Runs the test again with the same seed and waveforms on; its outcome is not reported, its waves are kept. */
    private static List<Path> rerunWithWaves(ReflectiveInvocationContext<Method> call, ExtensionContext context, long seed) {
        Run again = new Run(seed, new SimSession(wavesBase(context)));
        try {
            Object[] args = call.getArguments().toArray();
            Class<?>[] types = call.getExecutable().getParameterTypes();
            for (int i = 0; i < args.length; i++) {
                if (types[i] == Random.class || types[i] == SeededRandom.class || types[i] == SimSession.class) {
                    args[i] = resolve(types[i], again, context);
                }
            }
            for (int i = 0; i < args.length; i++) {
                if (types[i] == Sim.class) args[i] = resolve(Sim.class, again, context, Arrays.asList(args));
            }
            Method m = call.getExecutable();
            m.setAccessible(true);
            m.invoke(call.getTarget().orElse(null), args);
        } catch (Throwable expected) {
            // The failure is expected to repeat; the first one is what gets reported.
        } finally {
            try {
                again.session().close();
            } catch (RuntimeException ignored) {
                // Closing flushes the waveform; a second failure here adds nothing to the report.
            }
        }
        return new ArrayList<>(again.session().waves());
    }
}
