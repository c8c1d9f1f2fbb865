package dev.streamlab.grading;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Operating-system limits for the learner's JVM, as a command prefix: util-linux's {@code prlimit}. The address space
 * bounds heap, thread stacks and native memory together (threads started without end end in an OutOfMemoryError, not in
 * gigabytes); open files and file size are bounded; no core dump. Empty where {@code prlimit} is missing.
 */
final class ProcessLimits {

    private static final Path PRLIMIT = Path.of("/usr/bin/prlimit");

    private ProcessLimits() {
    }

    /** For a JVM with a heap of {@code heapMb}, started with the options of {@code CheckProcess}'s learner command. */
    static List<String> prefix(int heapMb) {
        if (!Files.isExecutable(PRLIMIT)) {
            return List.of();
        }
        long addressSpace = (heapMb + 2048L) << 20;
        return List.of(PRLIMIT.toString(), "--as=" + addressSpace, "--nofile=1024", "--fsize=" + (256L << 20), "--core=0", "--");
    }
}
