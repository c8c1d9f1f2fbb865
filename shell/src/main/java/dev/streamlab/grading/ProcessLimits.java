package dev.streamlab.grading;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Start a JVM as {@code forJvmHeap(mb).prefix().command() + [java] + jvmOptions() + [-Xmx<mb>m, ...]}, with {@code environment()} added.
 * <p>
 * ({@link Prefix#whyNone()} says why the prefix is empty where {@code prlimit} is missing: the JVM then runs unlimited.)
 * <p>
 * Operating-system limits for one process and all it starts, set with util-linux {@code prlimit} (soft and hard alike,
 * so the process cannot raise them): its address space, its open files, the size of a file it writes, and no core file.
 * Under an address-space limit a JVM that starts threads without end gets an {@link OutOfMemoryError} ("unable to create
 * native thread") instead of growing; a heap-capped JVM fits under one only with {@link #jvmOptions()} (which cap what
 * the JVM reserves beside its heap) and {@link #environment()} (glibc's malloc reserves 64 MB per arena, and with its
 * default top pad the JIT's own allocations, not the learner's thread, are the first to fail: the JVM then dies with
 * "insufficient memory" about 1 time in 10 instead of throwing).
 * <p>
 * Measured on Linux x86-64, OpenJDK 17.0.15: the smallest address space in which {@code java -Xmx256m} with these options
 * starts and runs a Kafka producer and consumer (1,000 records each way) is 731 MiB (G1) and 681 MiB (Serial GC, C1
 * only, as the check JVM runs): about 430 MiB beside the heap, of which 123 MiB are the JDK's mapped {@code modules}
 * file and 128 MiB malloc's two arenas. An embedded Kafka broker maps its index files: a JVM with one broker reached
 * 1.1 GB (three: 1.7 GB) at {@code -Xmx384m}, so give such a JVM that much more.
 */
public record ProcessLimits(long addressSpaceBytes, long openFiles, long fileSizeBytes) {

    /** util-linux's {@code prlimit}. */
    public static final Path PRLIMIT = Path.of("/usr/bin/prlimit");
    /** What a JVM needs beside its heap under {@link #jvmOptions()}: 430 MiB measured, and room for threads. */
    public static final long JVM_OVERHEAD_BYTES = 512L << 20;

    public static final long DEFAULT_OPEN_FILES = 4096;
    public static final long DEFAULT_FILE_SIZE_BYTES = 512L << 20;

    /** The prefix of a command that runs it under the limits, or an empty one and why. */
    public record Prefix(List<String> command, Optional<String> whyNone) {
        public Prefix {
            command = List.copyOf(command);
        }

        public boolean applied() {
            return !command.isEmpty();
        }
    }

    public ProcessLimits {
        if (addressSpaceBytes <= 0 || openFiles <= 0 || fileSizeBytes <= 0) {
            throw new IllegalArgumentException(
                    "Process limits must be positive: " + addressSpaceBytes + ", " + openFiles + ", " + fileSizeBytes);
        }
    }

    /** Limits for a JVM with this heap ({@code -Xmx}) and {@link #jvmOptions()}: the heap and {@link #JVM_OVERHEAD_BYTES}. */
    public static ProcessLimits forJvmHeap(int heapMb) {
        return new ProcessLimits(
                ((long) heapMb << 20) + JVM_OVERHEAD_BYTES, DEFAULT_OPEN_FILES, DEFAULT_FILE_SIZE_BYTES);
    }

    /** {@code /usr/bin/prlimit --as=... --nofile=... --fsize=... --core=0 --}, or an empty prefix where it is not installed. */
    public Prefix prefix() {
        return prefix(PRLIMIT);
    }

    Prefix prefix(Path prlimit) {
        if (!System.getProperty("os.name", "")
                .toLowerCase(java.util.Locale.ROOT)
                .contains("linux")) {
            return new Prefix(
                    List.of(),
                    Optional.of("process limits need Linux's prlimit; this is " + System.getProperty("os.name")));
        }
        if (!Files.isExecutable(prlimit)) {
            return new Prefix(
                    List.of(),
                    Optional.of(prlimit + " is not installed (util-linux), so the process runs without"
                            + " limits on its memory, open files and file size"));
        }
        List<String> command = new ArrayList<>();
        command.add(prlimit.toString());
        command.add("--as=" + addressSpaceBytes);
        command.add("--nofile=" + openFiles);
        command.add("--fsize=" + fileSizeBytes);
        command.add("--core=0");
        command.add("--");
        return new Prefix(command, Optional.empty());
    }

    /**
     * The options that make a heap-capped JVM fit under {@link #forJvmHeap}: smaller thread stacks, and caps on what the
     * JVM reserves beside its heap (class metadata, compressed class space, code cache: 1 GB and 240 MB by default).
     */
    public static List<String> jvmOptions() {
        return List.of(
                "-Xss512k",
                "-XX:MaxMetaspaceSize=128m",
                "-XX:CompressedClassSpaceSize=64m",
                "-XX:ReservedCodeCacheSize=48m");
    }

    /**
     * Environment of such a JVM: glibc's malloc with two arenas (each reserves 64 MB of address space; by default there
     * are 8 per core), and a 4 MB top pad, so the JVM's own allocations still find memory when threads used up the rest.
     */
    public static Map<String, String> environment() {
        return Map.of("MALLOC_ARENA_MAX", "2", "MALLOC_TOP_PAD_", String.valueOf(4 << 20));
    }
}
