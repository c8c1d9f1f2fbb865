package dev.streamlab.grading.check;

import java.util.Random;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a check a {@link Random} seeded from the run's seed (system property {@code streamlab.seed}),
 * mixed with the check's id: a fresh seed each run defeats hard-coded answers, and the same seed replays
 * a failure exactly ({@code streamlab grade LAB --seed N}).
 */
public final class CheckSeed implements ParameterResolver {

    public static final String PROPERTY = "streamlab.seed";

    /** The run's seed; 0 when none was given (a check run from an IDE). */
    public static long runSeed() {
        return Long.getLong(PROPERTY, 0L);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Random.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return new Random(runSeed() * 31 + context.getUniqueId().hashCode());
    }
}
