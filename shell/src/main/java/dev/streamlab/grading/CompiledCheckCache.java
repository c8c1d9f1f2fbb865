package dev.streamlab.grading;

import dev.streamlab.cluster.ClusterException;
import dev.streamlab.cluster.ScratchDirectory;
import dev.streamlab.files.FileTrees;
import dev.streamlab.grading.child.CheckEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A lab's checks, compiled once per grader process: a class of thirty submissions (and the test suite) compiled the
 * same checks thirty times, two compiler JVMs each. The key is everything the classes depend on: the checks' files
 * (names and bytes), the class path they compile against, and whether the hidden checks are in. The classes live in a
 * folder of the grader's own ({@code streamlab-checks-...}, owner-only, removed when the grader ends and reaped after a
 * crash) that no sandbox sees: each grade gets a copy in its work folder, as before.
 */
final class CompiledCheckCache {

    private static final Map<String, Path> COMPILED = new ConcurrentHashMap<>();
    private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();
    private static final Map<String, List<CheckEvent>> PLANNED = new ConcurrentHashMap<>();
    private static ScratchDirectory folder;

    private CompiledCheckCache() {}

    /** What to compile into a folder; empty when it compiled, else javac's errors. */
    interface Compilation {
        List<String> compileInto(Path output) throws IOException;
    }

    /**
     * Puts the checks' classes into {@code output}: a copy of an earlier compilation with the same key, or a new one
     * (which is kept when it compiled).
     *
     * @return javac's errors, empty when {@code output} holds the classes
     */
    static List<String> compiledInto(Path output, String key, Compilation compilation) throws IOException {
        synchronized (LOCKS.computeIfAbsent(key, k -> new Object())) {
            Path cached = COMPILED.get(key);
            if (cached != null && Files.isDirectory(cached)) {
                FileTrees.copy(cached, output);
                return List.of();
            }
            List<String> errors = compilation.compileInto(output);
            if (errors.isEmpty()) {
                Path kept = cacheFolder().resolve(key);
                FileTrees.deleteQuietly(kept);
                FileTrees.copy(output, kept);
                COMPILED.put(key, kept);
            }
            return errors;
        }
    }

    /** How the checks are listed (a run of the check JVM that plans them and runs none). */
    interface Listing {
        List<CheckEvent> list() throws IOException, InterruptedException;
    }

    /**
     * The checks that compiled checks plan, listed once per key: a submission that does not compile or is refused is
     * shown every check it did not get, and listing them took a check JVM each time. A listing that planned nothing (it
     * failed) is not kept.
     */
    static List<CheckEvent> planned(String key, Listing listing) throws IOException, InterruptedException {
        List<CheckEvent> known = PLANNED.get(key);
        if (known != null) {
            return known;
        }
        List<CheckEvent> events = List.copyOf(listing.list());
        if (events.stream().anyMatch(e -> CheckEvent.PLANNED.equals(e.type()))) {
            PLANNED.put(key, events);
        }
        return events;
    }

    /** The key of the checks under these folders, compiled against this class path. */
    static String key(List<Path> checkFolders, String classpath, boolean visibleOnly) throws IOException {
        MessageDigest digest = sha256();
        digest.update((classpath + "\n" + visibleOnly + "\n").getBytes(StandardCharsets.UTF_8));
        // The folders' contents, not their places: a copy of a lab (as the tests grade) compiles to the same classes.
        for (int index = 0; index < checkFolders.size(); index++) {
            Path root = checkFolders.get(index);
            digest.update(("root " + index + "\n").getBytes(StandardCharsets.UTF_8));
            if (!Files.isDirectory(root)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            for (Path file : files) {
                digest.update(("file " + root.relativize(file) + "\n").getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static synchronized Path cacheFolder() {
        if (folder == null) {
            try {
                ScratchDirectory made = ScratchDirectory.create("checks");
                Runtime.getRuntime().addShutdownHook(new Thread(made::delete, "streamlab-checks-cleanup"));
                folder = made;
            } catch (ClusterException e) {
                throw new GradingException(e.getMessage(), e);
            }
        }
        return folder.path();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JDK has no SHA-256", e);
        }
    }
}
