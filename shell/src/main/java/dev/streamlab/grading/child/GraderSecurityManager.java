package dev.streamlab.grading.child;

import java.nio.file.Path;
import java.security.CodeSource;
import java.security.Permission;
import java.util.List;

/**
 * Guards the check JVM against the learner's code (Java 17 to 23, where a SecurityManager can still be installed).
 * Everything is allowed except, when a class of the submission is on the call stack: reading, writing or deleting
 * the checks and the reference solution, and starting programs. {@code System.exit} and {@code Runtime.halt} are
 * refused to everyone until the runner itself finishes. This is a guard rail for a classroom, not a sandbox
 * against a determined attacker (reflection into the grader's own objects is not
 * prevented: refusing {@code suppressAccessChecks} by call stack also refuses the JDK's own lambda bootstrap).
 */
final class GraderSecurityManager extends SecurityManager {

    private final List<Path> protectedPaths;
    private final Path submissionClasses;
    private final ThreadLocal<Boolean> busy = ThreadLocal.withInitial(() -> false);
    private final ClassValue<Boolean> fromSubmission = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return false;
            }
            try {
                return Path.of(source.getLocation().toURI()).toAbsolutePath().normalize().startsWith(submissionClasses);
            } catch (Exception e) {
                return false;
            }
        }
    };
    private volatile boolean exitAllowed;

    GraderSecurityManager(List<Path> protectedPaths, Path submissionClasses) {
        this.protectedPaths = protectedPaths.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.submissionClasses = submissionClasses.toAbsolutePath().normalize();
    }

    /** Called by the runner once every check has finished. */
    void allowExit() {
        exitAllowed = true;
    }

    @Override
    public void checkPermission(Permission permission) {
        if (permission instanceof RuntimePermission && "setSecurityManager".equals(permission.getName()) && !exitAllowed) {
            throw new SecurityException("Checks may not replace the grader's security manager.");
        }
    }

    @Override
    public void checkPermission(Permission permission, Object context) {
        checkPermission(permission);
    }

    @Override
    public void checkExit(int status) {
        if (!exitAllowed) {
            throw new SecurityException("Your code called System.exit(" + status + "). Code that is checked must not end"
                    + " the program: return a value or throw an exception instead.");
        }
    }

    @Override
    public void checkExec(String command) {
        if (submissionOnStack()) {
            throw new SecurityException("Your code tried to start a program (" + command + "). Labs need no other programs.");
        }
    }

    @Override
    public void checkRead(String file) {
        guard(file, "read");
    }

    @Override
    public void checkRead(String file, Object context) {
        guard(file, "read");
    }

    @Override
    public void checkWrite(String file) {
        guard(file, "change");
    }

    @Override
    public void checkDelete(String file) {
        guard(file, "delete");
    }

    private void guard(String file, String action) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        try {
            // The real path too: /proc/self/root/..., /proc/self/cwd/... and links lead to the same files.
            if (isProtected(file) && stackHoldsSubmission() || stackHoldsSubmission() && isProtected(realPath(file))) {
                throw new SecurityException("Your code tried to " + action + " " + file + ", which belongs to the grader"
                        + " (the checks or the reference solution). Work from the lab's instructions instead.");
            }
        } finally {
            busy.set(false);
        }
    }

    private static String realPath(String file) {
        try {
            Path path = Path.of(file).toAbsolutePath().normalize();
            Path rest = Path.of("");
            while (path != null && !java.nio.file.Files.exists(path)) {
                rest = path.getFileName().resolve(rest);
                path = path.getParent();
            }
            return path == null ? file : path.toRealPath().resolve(rest).toString();
        } catch (java.io.IOException | RuntimeException e) {
            return file;
        }
    }

    private boolean isProtected(String file) {
        try {
            Path path = Path.of(file).toAbsolutePath().normalize();
            return protectedPaths.stream().anyMatch(path::startsWith) && !path.startsWith(submissionClasses);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean submissionOnStack() {
        if (busy.get()) {
            return false;
        }
        busy.set(true);
        try {
            return stackHoldsSubmission();
        } finally {
            busy.set(false);
        }
    }

    private boolean stackHoldsSubmission() {
        for (Class<?> type : getClassContext()) {
            if (fromSubmission.get(type)) {
                return true;
            }
        }
        return false;
    }
}
