package dev.streamlab.grading.child;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamlab.grading.check.Hint;
import dev.streamlab.grading.check.Points;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Writes one JSON line per event as it happens, each after the run's nonce (see {@link CheckRunner}), flushed at once: if the JVM dies half-way (a hang the grader
 * kills, a crash), the grader still knows every planned check and every result so far.
 */
final class ResultRecorder implements TestExecutionListener {

    private final Writer out;
    private final String prefix;
    private final Runnable afterTimeout;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Long> startedAt = new ConcurrentHashMap<>();

    /** @param afterTimeout runs after a check timed out: its thread may still be running the learner's code */
    ResultRecorder(Writer out, String nonce, Runnable afterTimeout) {
        this.out = out;
        this.prefix = nonce + " ";
        this.afterTimeout = afterTimeout;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        for (TestIdentifier root : testPlan.getRoots()) {
            testPlan.getDescendants(root).stream()
                    .filter(TestIdentifier::isTest)
                    .forEach(this::planned);
        }
    }

    private void planned(TestIdentifier test) {
        Optional<Method> method = method(test);
        int points = method.map(m -> m.getAnnotation(Points.class))
                .map(Points::value)
                .orElse(1);
        String hint =
                method.map(m -> m.getAnnotation(Hint.class)).map(Hint::value).orElse("");
        String className = method.map(m -> m.getDeclaringClass().getName()).orElse("");
        write(CheckEvent.planned(test.getUniqueId(), className, test.getDisplayName(), points, hint));
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        startedAt.put(test.getUniqueId(), System.nanoTime());
        if (test.isTest()) {
            write(CheckEvent.started(test.getUniqueId()));
        }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (test.isTest()) {
            write(CheckEvent.finished(test.getUniqueId(), CheckEvent.SKIPPED, reason, 0));
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        long started = startedAt.getOrDefault(test.getUniqueId(), System.nanoTime());
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        String status = switch (result.getStatus()) {
            case SUCCESSFUL -> CheckEvent.PASSED;
            case ABORTED -> CheckEvent.SKIPPED;
            case FAILED -> CheckEvent.FAILED;
        };
        String message = result.getThrowable().map(ResultRecorder::describe).orElse("");
        if (test.isTest()) {
            write(CheckEvent.finished(
                    test.getUniqueId(),
                    status,
                    message,
                    millis,
                    result.getThrowable().map(t -> t.getClass().getName()).orElse("")));
            if (result.getThrowable()
                    .filter(java.util.concurrent.TimeoutException.class::isInstance)
                    .isPresent()) {
                afterTimeout.run();
            }
        } else if (!CheckEvent.PASSED.equals(status) && test.getSource().orElse(null) instanceof ClassSource source) {
            write(CheckEvent.classFailed(source.getClassName(), message));
        }
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return t.getClass().getSimpleName();
        }
        return t instanceof AssertionError || t instanceof SecurityException
                ? message
                : t.getClass().getSimpleName() + ": " + message;
    }

    private static Optional<Method> method(TestIdentifier test) {
        return test.getSource()
                .filter(MethodSource.class::isInstance)
                .map(MethodSource.class::cast)
                .flatMap(source -> {
                    try {
                        return Optional.of(source.getJavaMethod());
                    } catch (RuntimeException e) {
                        return Optional.empty();
                    }
                });
    }

    synchronized void write(CheckEvent event) {
        try {
            out.write(prefix + json.writeValueAsString(event));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
