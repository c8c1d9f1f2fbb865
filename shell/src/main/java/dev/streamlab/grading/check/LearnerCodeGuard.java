package dev.streamlab.grading.check;

import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.AssertionFailedError;

/**
 * Turns an {@link OutOfMemoryError} in a check into an ordinary failure with a plain message.
 * JUnit treats {@code OutOfMemoryError} as unrecoverable and would abort every check after it;
 * learner code that fills the heap should cost only the check it ran in.
 * The grader registers it for every check (extension auto-detection in the check JVM).
 */
public final class LearnerCodeGuard implements InvocationInterceptor {

    @Override
    public void interceptTestMethod(
            Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext)
            throws Throwable {
        try {
            invocation.proceed();
        } catch (OutOfMemoryError e) {
            throw new AssertionFailedError("Your code ran out of memory (" + e.getMessage()
                    + "). Look for a collection that grows without limit or a loop that never ends.");
        }
    }
}
