package dev.streamlab.grading;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The operating-system sandboxes of grading: bubblewrap ({@code bwrap}) on Linux. The check JVM's ({@link #command}) holds
 * only the system's programs and libraries ({@code /usr}, read-only, which includes the JDKs), a few files of {@code /etc}
 * a JVM needs, the grader's own jars (read-only, each at its own path), the grading folder ({@code /grading}, read-only:
 * the compiled checks and the runner's settings; never a source of the checks or the solution), the learner's classes
 * ({@code /learner}, read-only) and a {@code /tmp} in memory, the only place to write. No network but its own loopback; it
 * dies with the grader; an empty environment; a new terminal session, so nothing can type into the grader's terminal.
 * The learner's sandbox ({@link #learnerCommand}), started inside it, adds its own processes and leaves out
 * {@code /grading}.
 */
final class Sandbox {

    /** Where the grading folder is seen inside. */
    static final Path INSIDE = Path.of("/grading");
    /** The check JVM's writable scratch folder inside (its temporary folder, working directory and home). */
    static final Path SCRATCH = Path.of("/tmp");

    /** Another bwrap than the one on the PATH (tests point it at nothing to see grading fail closed). */
    static final String BWRAP_PROPERTY = "streamlab.grading.bwrap";

    private static final java.util.Map<String, Optional<String>> PROBED =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final String bwrap;

    private Sandbox(String bwrap) {
        this.bwrap = bwrap;
    }

    /** The sandbox, or why it cannot start here (no bwrap, not Linux, user namespaces forbidden): checked once per JVM. */
    static Sandbox orWhyNot(List<String> whyNot) {
        Optional<String> bwrap = bwrapPath();
        Optional<String> problem = PROBED.computeIfAbsent(bwrap.orElse(""), path -> probe());
        if (problem.isPresent()) {
            whyNot.add(problem.get());
            return null;
        }
        return new Sandbox(bwrapPath().orElseThrow());
    }

    private static Optional<String> bwrapPath() {
        String chosen = System.getProperty(BWRAP_PROPERTY);
        if (chosen != null) {
            return Files.isExecutable(Path.of(chosen)) ? Optional.of(chosen) : Optional.empty();
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "bwrap");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> probe() {
        if (!System.getProperty("os.name", "")
                .toLowerCase(java.util.Locale.ROOT)
                .contains("linux")) {
            return Optional.of("the sandbox needs Linux (bubblewrap); this is " + System.getProperty("os.name"));
        }
        Optional<String> bwrap = bwrapPath();
        if (bwrap.isEmpty()) {
            return Optional.of("bubblewrap (bwrap) is not installed; install it with 'apt-get install bubblewrap'");
        }
        try {
            Sandbox sandbox = new Sandbox(bwrap.get());
            Path empty = Files.createTempDirectory("streamlab-sandbox-probe");
            try {
                Path scratch = Files.createDirectories(empty.resolve("scratch"));
                // The learner's sandbox inside the check JVM's, as in grading: both must start.
                List<String> command = sandbox.command(
                        scratch,
                        scratch,
                        scratch,
                        List.of(),
                        sandbox.learnerCommand(List.of(), List.of("/usr/bin/true")));
                Process p =
                        new ProcessBuilder(command).redirectErrorStream(true).start();
                p.getOutputStream().close();
                boolean ended = p.waitFor(20, TimeUnit.SECONDS);
                String out = new String(p.getInputStream().readNBytes(2000), StandardCharsets.UTF_8).strip();
                if (!ended) {
                    p.destroyForcibly();
                    return Optional.of("bubblewrap did not start within 20 s");
                }
                if (p.exitValue() != 0) {
                    return Optional.of("bubblewrap cannot start a sandbox here ("
                            + (out.isEmpty() ? "exit code " + p.exitValue() : out)
                            + "); user namespaces may be forbidden");
                }
                return Optional.empty();
            } finally {
                // bwrap leaves the mount points of a JDK under /tmp (a kit installed there) in the scratch folder
                dev.streamlab.files.FileTrees.deleteQuietly(empty);
            }
        } catch (IOException e) {
            return Optional.of("bubblewrap cannot be started (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while trying bubblewrap");
        }
    }

    /** The size of the check JVM's {@code /tmp} (a tmpfs: Kafka's data of the checks' clusters), and of the learner's. */
    static final long CHECK_TMP_BYTES = 1L << 30;

    static final long LEARNER_TMP_BYTES = 256L << 20;

    /** Where the learner's compiled classes are seen, by the check JVM and in the learner's own sandbox. */
    static final Path LEARNER_CLASSES = Path.of("/learner");

    /**
     * The command that runs the check JVM ({@code inner}) in the sandbox. It has its own network (its loopback only),
     * file system and user; it shares the grader's process namespace, so that it can start the learner's sandbox inside
     * it ({@link #learnerCommand}): the kernel lets a sandbox mount its own {@code /proc} only where one is fully visible.
     *
     * @param grading the host folder seen read-only as {@link #INSIDE}
     * @param learnerClasses the host folder of the learner's compiled classes, seen read-only as {@link #LEARNER_CLASSES}, or null
     * @param scratch a host folder beside which the sandbox's hosts file is written
     * @param readOnly further files and folders (the grader's jars), each seen read-only at its own path
     */
    List<String> command(Path grading, Path learnerClasses, Path scratch, List<Path> readOnly, List<String> inner)
            throws IOException {
        List<String> c = new ArrayList<>(List.of(
                bwrap,
                "--unshare-user-try",
                "--unshare-ipc",
                "--unshare-net",
                "--unshare-uts",
                "--unshare-cgroup-try",
                "--die-with-parent",
                "--new-session",
                "--hostname",
                "streamlab-grading"));
        c.addAll(system());
        // Its own hosts file: the sandbox's host name resolves at once (to its loopback), as on any machine.
        Path hosts = scratch.resolveSibling(scratch.getFileName() + ".hosts");
        Files.writeString(
                hosts,
                "127.0.0.1 localhost streamlab-grading streamlab-learner\n::1 localhost ip6-localhost ip6-loopback\n");
        c.addAll(List.of("--ro-bind", hosts.toString(), "/etc/hosts"));
        // Writable: the learner's sandbox writes its user mappings there.
        c.addAll(List.of("--bind", "/proc", "/proc", "--dev", "/dev"));
        c.addAll(List.of(
                "--size",
                String.valueOf(CHECK_TMP_BYTES),
                "--tmpfs",
                SCRATCH.toString(),
                "--ro-bind",
                grading.toString(),
                INSIDE.toString()));
        if (learnerClasses != null) {
            c.addAll(List.of("--ro-bind", learnerClasses.toString(), LEARNER_CLASSES.toString()));
        }
        c.addAll(afterTmp(readOnly));
        c.addAll(inner);
        return c;
    }

    /**
     * The command, run inside the check JVM's sandbox, that runs the learner's JVM ({@code java}) in a sandbox of its
     * own: the system's programs, the JDK, the grader's jars and the learner's classes, read-only; a small {@code /tmp}
     * of its own, the only place to write, gone when it ends; its own processes, so every process it starts ends with it.
     * It shares the check JVM's network, whose only other listeners are the checks' Kafka brokers. It sees no check, no
     * grading folder and no file of the check JVM.
     */
    List<String> learnerCommand(List<Path> readOnly, List<String> java) throws IOException {
        List<String> c = new ArrayList<>(List.of(
                "/usr/bin/bwrap".equals(bwrap) || bwrap.startsWith("/usr/") ? bwrap : "/usr/bin/bwrap",
                "--unshare-user-try",
                "--unshare-pid",
                "--unshare-ipc",
                "--unshare-uts",
                "--unshare-cgroup-try",
                "--die-with-parent",
                "--new-session",
                "--hostname",
                "streamlab-learner"));
        c.addAll(system());
        c.addAll(List.of(
                "--ro-bind",
                "/etc/hosts",
                "/etc/hosts",
                "--proc",
                "/proc",
                "--dev",
                "/dev",
                "--size",
                String.valueOf(LEARNER_TMP_BYTES),
                "--tmpfs",
                SCRATCH.toString(),
                "--ro-bind",
                LEARNER_CLASSES.toString(),
                LEARNER_CLASSES.toString()));
        c.addAll(afterTmp(readOnly));
        c.addAll(java);
        return c;
    }

    /** {@code /usr} and the links and files of {@code /etc} a JVM needs, read-only. */
    private static List<String> system() throws IOException {
        List<String> c = new ArrayList<>(List.of("--ro-bind", "/usr", "/usr"));
        for (String link : List.of("bin", "sbin", "lib", "lib32", "lib64", "libx32")) {
            Path top = Path.of("/", link);
            if (Files.isSymbolicLink(top)) {
                c.addAll(List.of("--symlink", Files.readSymbolicLink(top).toString(), top.toString()));
            } else if (Files.isDirectory(top)) {
                c.addAll(List.of("--ro-bind", top.toString(), top.toString()));
            }
        }
        Set<Path> etc = new LinkedHashSet<>();
        for (String f :
                List.of("nsswitch.conf", "passwd", "group", "ld.so.cache", "localtime", "host.conf", "gai.conf")) {
            etc.add(Path.of("/etc", f));
        }
        // The JDK's configuration files may be links into /etc (Debian's /etc/java-17-openjdk).
        etc.addAll(jdkLinksOutsideUsr(Path.of(System.getProperty("java.home"))));
        for (Path e : etc) {
            if (Files.exists(e)) {
                c.addAll(List.of("--ro-bind", e.toRealPath().toString(), e.toString()));
            }
        }
        return c;
    }

    /** The JDK and the grader's jars after /tmp (a project or a JDK under /tmp, a CI clone, stays visible), then the end. */
    private static List<String> afterTmp(List<Path> readOnly) throws IOException {
        List<String> c = new ArrayList<>();
        Path javaHome = Path.of(System.getProperty("java.home")).toRealPath();
        if (!javaHome.startsWith("/usr")) {
            c.addAll(List.of("--ro-bind", javaHome.toString(), javaHome.toString()));
        }
        for (Path p : readOnly) {
            c.addAll(List.of("--ro-bind", p.toString(), p.toString()));
        }
        // Then the root itself (bwrap's tmpfs) read-only: /tmp is the only place to write.
        c.addAll(List.of(
                "--remount-ro", "/", "--chdir", SCRATCH.toString(), "--setenv", "HOME", SCRATCH.toString(), "--"));
        return c;
    }

    private static volatile List<Path> jdkLinks;

    /** The top folders outside /usr that links in the JDK point into, such as {@code /etc/java-17-openjdk}. */
    private static List<Path> jdkLinksOutsideUsr(Path javaHome) throws IOException {
        List<Path> found = jdkLinks;
        if (found == null) {
            Set<Path> tops = new LinkedHashSet<>();
            try (var paths = Files.walk(javaHome)) {
                for (Path p : (Iterable<Path>) paths::iterator) {
                    if (Files.isSymbolicLink(p)) {
                        try {
                            Path real = p.toRealPath();
                            // A runtime made by jlink links its legal notices to each other: inside the JDK, which is
                            // bound already; binding the folder above it would show the installation's labs and checks.
                            if (!real.startsWith("/usr")
                                    && !real.startsWith(javaHome.toRealPath())
                                    && real.getNameCount() >= 2) {
                                tops.add(real.getRoot().resolve(real.subpath(0, 2)));
                            }
                        } catch (IOException dangling) {
                            // A link to nothing (docs not installed): nothing to bind.
                        }
                    }
                }
            }
            found = List.copyOf(tops);
            jdkLinks = found;
        }
        return found;
    }

    /**
     * The entries of the grader's class path the check JVM gets: its jars and class folders, but no folder of test classes
     * (a test build's {@code test-classes} holds test resources such as labs with their hidden checks).
     */
    static List<Path> runtimeClasspath(String classpath) {
        Set<Path> entries = new LinkedHashSet<>();
        for (String e : classpath.split(File.pathSeparator)) {
            if (e.isEmpty()) {
                continue;
            }
            Path p = Path.of(e).toAbsolutePath().normalize();
            if (Files.exists(p)
                    && !(Files.isDirectory(p) && p.getFileName().toString().equals("test-classes"))) {
                addWithManifestClassPath(p, entries);
            }
        }
        return List.copyOf(entries);
    }

    /**
     * A jar and the jars its manifest's {@code Class-Path} names (streamlab's own jar names its libraries so): the
     * check JVM gets them as entries of its own class path, and the sandbox shows each of them.
     */
    private static void addWithManifestClassPath(Path entry, Set<Path> entries) {
        if (!entries.add(entry)
                || !Files.isRegularFile(entry)
                || !entry.toString().endsWith(".jar")) {
            return;
        }
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(entry.toFile())) {
            java.util.jar.Manifest manifest = jar.getManifest();
            String classPath = manifest == null
                    ? null
                    : manifest.getMainAttributes().getValue(java.util.jar.Attributes.Name.CLASS_PATH);
            if (classPath == null) {
                return;
            }
            for (String name : classPath.trim().split("\\s+")) {
                Path library = entry.getParent().resolve(name).toAbsolutePath().normalize();
                if (!name.isEmpty() && Files.exists(library)) {
                    addWithManifestClassPath(library, entries);
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // Not a jar we can read: the entry alone, as given.
        }
    }
}
