package dev.streamlab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamlab.cli.StreamlabCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The attack catalogue of issue #13: one small hostile submission per hole, each built from a lab's starter (which
 * honestly earns 0) with the attack run from a static initializer of the class the checks call. An attack that
 * succeeds shows: its evidence ("LEAKED ...") in a check's message, points, a file written outside, a process alive
 * after grading, or control characters in a message. Every attack must be held, with a clear message.
 * The labs are graded from a copy, beside a made-up other lab and a {@code .git} folder, so nothing real is touched.
 */
@NeedsSandbox
class AttackCatalogueIT {

    /**
     * The tag of what runs again on Java 25 (the pom's attacks-on-java-25): there, -Dattack.only names the attacks whose
     * outcome the JDK decides (javac, the JVM's own channels, its memory under the limits); the kernel's and bubblewrap's
     * walls are the same on every JDK.
     */
    static final String JAVA_25 = "java-25";

    /** The labs every attack runs against: the grader's tiny test lab and every lab of the course (-Dattack.labs=90,05 for fewer). */
    static final List<String> LABS =
            List.of(System.getProperty("attack.labs", "90").split(","));

    private static final String TOKEN =
            "streamlab-attack-" + UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    Path temp;

    /**
     * One attack: its name, the hole it tries, the body of {@code static String attack()}, extra files, and for an attack
     * inside the check JVM that only the {@link ApiPolicy} holds, the refused use the policy must name (else null: the
     * sandbox alone must hold it, so it is graded without the policy).
     */
    record Attack(String name, String hole, String body, Map<String, String> extraFiles, String refusedUse) {
        Attack(String name, String hole, String body, Map<String, String> extraFiles) {
            this(name, hole, body, extraFiles, null);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Attack> ATTACKS = List.of(
            new Attack(
                    "proc-self-root",
                    "the file guard compares path strings: /proc/self/root reaches the hidden checks",
                    "return leak(Path.of(\"/proc/self/root\" + \"${HIDDEN_SOURCE}\"));",
                    Map.of()),
            new Attack(
                    "proc-self-cwd",
                    "/proc/self/cwd reaches the compiled hidden checks in the work folder",
                    "try (var s = Files.walk(Path.of(\"/proc/self/cwd\"))) { for (Path p : (Iterable<Path>) s::iterator) {"
                            + " if (p.toString().contains(\"checks-hidden\") && Files.isRegularFile(p)) return leak(p); } } return null;",
                    Map.of()),
            new Attack(
                    "runtime-symlink",
                    "a symbolic link made at run time reaches the solution",
                    "Path l = Path.of(System.getProperty(\"java.io.tmpdir\"), \"l-\" + System.nanoTime());"
                            + " Files.createSymbolicLink(l, Path.of(\"${LAB}/solution\"));"
                            + " try (var s = Files.walk(l, java.nio.file.FileVisitOption.FOLLOW_LINKS)) { for (Path p : (Iterable<Path>) s::iterator)"
                            + " { if (p.toString().endsWith(\".java\")) return leak(p); } } return null;",
                    Map.of()),
            new Attack(
                    "other-lab-solution",
                    "only the graded lab's folders are protected: another lab's solution is open",
                    "return leak(Path.of(\"${PROJECT}/labs/99-other/solution/Other.java\"));",
                    Map.of()),
            new Attack(
                    "dot-git",
                    "the project's .git is open",
                    "return leak(Path.of(\"${PROJECT}/.git/config\"));",
                    Map.of()),
            new Attack(
                    "writes-labs",
                    "writes into labs/ are allowed",
                    "Files.writeString(Path.of(\"${LAB}/${TOKEN}\"), \"x\"); return \"LEAKED wrote into labs/\";",
                    Map.of()),
            new Attack(
                    "writes-classpath",
                    "writes into the grader's own classes are allowed",
                    "Files.writeString(Path.of(\"${CP_DIR}/${TOKEN}\"), \"x\"); return \"LEAKED wrote into the grader's classes\";",
                    Map.of()),
            new Attack(
                    "writes-home",
                    "writes into ~/.streamlab are allowed",
                    "Path d = Path.of(\"${HOME}\", \".streamlab\"); Files.createDirectories(d);"
                            + " Files.writeString(d.resolve(\"${TOKEN}\"), \"x\"); return \"LEAKED wrote into ~/.streamlab\";",
                    Map.of()),
            new Attack(
                    "grader-package",
                    "a class in a grader package (the jar is not sealed) switches the guard off",
                    "return dev.streamlab.grading.child.Sneak.off();",
                    Map.of(
                            "dev/streamlab/grading/child/Sneak.java",
                            "package dev.streamlab.grading.child;\n"
                                    + "public final class Sneak { public static String off() {\n"
                                    + "  if (System.getSecurityManager() instanceof GraderSecurityManager g) { g.allowExit(); return \"LEAKED guard off\"; }\n"
                                    + "  return \"LEAKED a class in the grader's package ran\"; } }\n")),
            new Attack(
                    "reflection-on-guard",
                    "reflection on the guard's fields switches it off",
                    "Object sm = System.getSecurityManager(); if (sm == null) return null;"
                            + " java.lang.reflect.Field f = sm.getClass().getDeclaredField(\"protectedPaths\"); f.setAccessible(true);"
                            + " f.set(sm, List.of()); return leak(Path.of(\"${HIDDEN_SOURCE}\"));",
                    Map.of()),
            new Attack(
                    "outlives-the-grader",
                    "a process started from a thread with no learner frame outlives the grader",
                    "ProcessBuilder pb = new ProcessBuilder(\"sh\", \"-c\", \"while :; do printf '{\\\"score\\\":99}' > ${RESULTS}/autograding.json"
                            + " 2>/dev/null; sleep 0.2; done; : ${TOKEN}\").redirectErrorStream(true);"
                            + " var mh = java.lang.invoke.MethodHandles.lookup().findVirtual(ProcessBuilder.class, \"start\","
                            + " java.lang.invoke.MethodType.methodType(Process.class)).bindTo(pb);"
                            + " java.util.concurrent.Callable<?> c = java.lang.invoke.MethodHandleProxies.asInterfaceInstance(java.util.concurrent.Callable.class, mh);"
                            + " java.util.concurrent.ForkJoinPool.commonPool().submit(c).get(); return null;",
                    Map.of()),
            new Attack(
                    "junit-service-file",
                    "a JUnit extension registered by a service file written at run time is loaded by the re-run JVM",
                    "Path dir = Path.of(StreamlabAttack.class.getProtectionDomain().getCodeSource().getLocation().toURI());"
                            + " Path svc = dir.resolve(\"META-INF/services/org.junit.jupiter.api.extension.Extension\");"
                            + " if (Files.exists(svc)) return null; Files.createDirectories(svc.getParent());"
                            + " Files.writeString(svc, \"${PKG}.PassAll\"); while (!Thread.currentThread().isInterrupted()) { } return null;",
                    Map.of(
                            "${PKG_DIR}/PassAll.java",
                            "package ${PKG};\n"
                                    + "public final class PassAll implements org.junit.jupiter.api.extension.InvocationInterceptor {\n"
                                    + "  @Override public void interceptTestMethod(Invocation<Void> i, org.junit.jupiter.api.extension.ReflectiveInvocationContext<java.lang.reflect.Method> c,\n"
                                    + "      org.junit.jupiter.api.extension.ExtensionContext e) { i.skip(); } }\n")),
            new Attack(
                    "prints-64-mb",
                    "64 MB printed make the grader read the whole log into memory",
                    "byte[] b = new byte[1 << 20]; Arrays.fill(b, (byte) 'x'); java.io.FileOutputStream o = new java.io.FileOutputStream(java.io.FileDescriptor.out);"
                            + " for (int i = 0; i < 64; i++) o.write(b); o.flush(); return null;",
                    Map.of()),
            new Attack(
                    "network",
                    "network is open: the check JVM reaches the host",
                    "try (java.net.Socket s = new java.net.Socket()) { s.connect(new java.net.InetSocketAddress(\"127.0.0.1\", ${PORT}), 2000);"
                            + " return \"LEAKED connected to the host\"; }",
                    Map.of()),
            new Attack(
                    "server-socket",
                    "a server socket is allowed and reachable from the host",
                    "java.net.ServerSocket ss = new java.net.ServerSocket(); ss.bind(new java.net.InetSocketAddress(\"0.0.0.0\", 0));"
                            + " try (java.net.Socket s = new java.net.Socket()) { s.connect(new java.net.InetSocketAddress(\"127.0.0.1\", ${PORT}), 2000);"
                            + " s.getOutputStream().write(String.valueOf(ss.getLocalPort()).getBytes()); return \"LEAKED a listening port told to the host\"; }",
                    Map.of()),
            new Attack(
                    "escape-sequences",
                    "a failure message with escape sequences reaches the terminal raw",
                    "return \"\\u001b]0;pwned\\u0007\\u001b[2J\\u001b[32mAll checks passed: full marks\\u001b[0m\";",
                    Map.of()),
            new Attack(
                    "shadowed-helper",
                    "hidden checks compiled against the submission first: the compiler prints their lines",
                    "return null;",
                    Map.of(
                            "${PKG_DIR}/checks/${HELPER}.java",
                            "package ${PKG}.checks;\npublic final class ${HELPER} { }\n")),
            new Attack(
                    "compiler-crash",
                    "a compiler crash reads as 'does not compile' with no error shown",
                    "return null;",
                    Map.of(
                            "${PKG_DIR}/Deep.java",
                            "package ${PKG};\nfinal class Deep { int x = " + "(".repeat(100000) + "1"
                                    + ")".repeat(100000) + "; }\n")),
            new Attack(
                    "huge-file",
                    "a huge file reads as 'does not compile' with no error shown",
                    "return null;",
                    Map.of(
                            "${PKG_DIR}/Huge.java",
                            "package ${PKG};\nfinal class Huge {\n" + ("// " + "x".repeat(1000) + "\n").repeat(4000)
                                    + "}\n")),
            new Attack(
                    "submission-symlink",
                    "a submission may hold a symbolic link to the solution, and the compiler follows it",
                    "return null;",
                    Map.of()),
            new Attack("non-utf8-name", "a non-UTF-8 file name ends in InvalidPathException", "return null;", Map.of()),
            new Attack(
                    "heap-dump-forges-results",
                    "the check JVM's heap holds the run's nonce: a heap dump finds it, and"
                            + " results written with it after halting the JVM read as the runner's",
                    "return Forger.forge();",
                    Map.of("${PKG_DIR}/Forger.java", forger()),
                    "java.lang.management.ManagementFactory (the JVM's internals)"),
            // Issue 27: the learner's code in a JVM of its own, in a sandbox inside the check JVM's.
            new Attack(
                    "finds-the-check-jvm",
                    "the check JVM (its seed, its nonce, its memory) is a process the learner's code can see",
                    "try (var s = Files.list(Path.of(\"/proc\"))) { for (Path p : (Iterable<Path>) s::iterator) { try {"
                            + " String c = new String(Files.readAllBytes(p.resolve(\"cmdline\"))).replace('\\0', ' ');"
                            + " if (c.contains(\"CheckRunner\") || c.contains(\"streamlab.seed\")) return \"LEAKED saw the check JVM: \" + c.length(); }"
                            + " catch (Exception e) { } } } return null;",
                    Map.of()),
            new Attack(
                    "grading-folder",
                    "the grading folder (compiled checks, the runner's settings) is mounted in the learner's sandbox",
                    "for (String d : new String[] {\"/grading\", \"/tmp/grading\", \"/learner/../grading\", \"/proc/1/root/grading\"}) { if (Files.exists(Path.of(d)))"
                            + " return \"LEAKED found \" + d; } return null;",
                    Map.of()),
            new Attack(
                    "threads-without-end",
                    "threads started without end take the machine's memory (no limit on the learner's JVM)",
                    "java.util.List<Thread> ts = new java.util.ArrayList<>(); try { while (true) { Thread t = new Thread(() -> {"
                            + " try { Thread.sleep(600_000); } catch (InterruptedException e) { } }); t.setDaemon(true); t.start(); ts.add(t);"
                            + " if (ts.size() > 200_000) return \"LEAKED started \" + ts.size() + \" threads\"; } } catch (Throwable e) { return null; }",
                    Map.of()),
            new Attack(
                    "fills-tmp",
                    "the learner's /tmp takes the machine's disk or memory (no limit)",
                    "byte[] b = new byte[1 << 20]; long written = 0; try (var o = Files.newOutputStream(Path.of(System.getProperty(\"java.io.tmpdir\"), \"fill\")))"
                            + " { while (written < (2L << 30)) { o.write(b); written += b.length; } } catch (java.io.IOException e) { return null; }"
                            + " return \"LEAKED wrote \" + (written >> 20) + \" MB\";",
                    Map.of()),
            new Attack(
                    "forged-replies",
                    "lines that look like the learner's replies, printed ahead, answer the checks' next questions",
                    "java.io.PrintStream o = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true);"
                            + " for (int i = 0; i < 50; i++) o.println(\"{\\\"ok\\\":true,\\\"result\\\":42}\"); return null;",
                    Map.of()),
            new Attack(
                    "class-loader-reads-hidden-checks",
                    "the compiled hidden checks must be readable by the check JVM's"
                            + " class loader, so the learner's code can read them too",
                    "try (var in = StreamlabAttack.class.getClassLoader().getResourceAsStream(\"${HIDDEN_CLASS}\")) {"
                            + " return in == null ? null : \"LEAKED read the compiled hidden checks (\" + in.readAllBytes().length + \" bytes)\"; }",
                    Map.of(),
                    "java.lang.Class.getClassLoader (class loading)"),
            new Attack(
                    "loads-streamlab",
                    "the learner's JVM has the grader's whole class path: a submission loads the brokers,"
                            + " the checks' helpers, Testcontainers or JRuby",
                    "for (String c : new String[] {\"dev.streamlab.cluster.EmbeddedCluster\", \"dev.streamlab.grading.check.LearnerCode\","
                            + " \"kafka.server.KafkaRaftServer\", \"org.testcontainers.DockerClientFactory\", \"org.jruby.Ruby\"}) {"
                            + " try { Class.forName(c); return \"LEAKED loaded \" + c; } catch (ClassNotFoundException e) { } } return null;",
                    Map.of()),
            new Attack(
                    "compiles-against-streamlab",
                    "a submission compiles against the grader's whole class path",
                    "return \"LEAKED compiled against \" + org.jruby.Ruby.class.getName();",
                    Map.of()));

    /**
     * Dumps the heap, finds the nonce (32 hex digits and a space, the prefix of every result line) and the checks' ids in
     * it, writes every check as passed and the run as done with each candidate nonce, and halts before the runner can
     * say otherwise.
     */
    private static String forger() {
        return """
            package ${PKG};
            import java.nio.file.*; import java.util.*; import java.util.regex.*;
            final class Forger {
              static String forge() throws Exception {
                var bean = java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
                Path dump = Path.of(System.getProperty("java.io.tmpdir"), "h" + System.nanoTime() + ".hprof");
                bean.dumpHeap(dump.toString(), true);
                String heap = new String(Files.readAllBytes(dump), java.nio.charset.StandardCharsets.ISO_8859_1);
                Files.delete(dump);
                Set<String> nonces = new LinkedHashSet<>();
                Matcher n = Pattern.compile("(?<![0-9a-f])([0-9a-f]{32}) ").matcher(heap);
                while (n.find()) nonces.add(n.group(1));
                Set<String> ids = new LinkedHashSet<>();
                Matcher i = Pattern.compile("\\\\[engine:junit-jupiter\\\\]/\\\\[class:[\\\\w.$]+\\\\]/\\\\[method:[\\\\w$]+\\\\([^)]*\\\\)\\\\]").matcher(heap);
                while (i.find()) ids.add(i.group());
                var out = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true);
                for (String nonce : nonces) {
                  for (String id : ids) {
                    out.println(nonce + " {\\"type\\":\\"finished\\",\\"id\\":\\"" + id + "\\",\\"className\\":\\"\\",\\"name\\":\\"\\",\\"points\\":0,"
                        + "\\"hint\\":\\"\\",\\"status\\":\\"passed\\",\\"message\\":\\"\\",\\"millis\\":1}");
                  }
                  out.println(nonce + " {\\"type\\":\\"done\\",\\"id\\":\\"\\",\\"className\\":\\"\\",\\"name\\":\\"\\",\\"points\\":0,\\"hint\\":\\"\\","
                      + "\\"status\\":\\"\\",\\"message\\":\\"\\",\\"millis\\":0}");
                }
                Runtime.getRuntime().halt(0);
                return null;
              }
            }
            """;
    }

    static Stream<Arguments> attacks() {
        return LABS.stream().flatMap(lab -> selected().map(a -> Arguments.of(lab, a)));
    }

    /** -Dattack.only=name,name runs only those attacks (while working on one, the development tier, the Java 25 pass). */
    private static Stream<Attack> selected() {
        List<String> only = List.of(System.getProperty("attack.only", "").split(","));
        return ATTACKS.stream().filter(a -> only.equals(List.of("")) || only.contains(a.name()));
    }

    private ServerSocket host;

    @AfterEach
    void killSurvivors() throws IOException {
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(TOKEN))
                .forEach(ProcessHandle::destroyForcibly);
        if (host != null) {
            host.close();
        }
        Path home = Path.of(System.getProperty("user.home"), ".streamlab", TOKEN);
        Files.deleteIfExists(home);
        Files.deleteIfExists(classesDir().resolve(TOKEN));
    }

    @Tag(JAVA_25)
    @ParameterizedTest(name = "lab {0}: {1}")
    @MethodSource("attacks")
    void theAttackIsHeld(String labId, Attack attack) throws Exception {
        Lab lab = copyOfLab(labId);
        host = new ServerSocket(0);
        host.setSoTimeout(1);
        Path results = Files.createDirectories(temp.resolve("results"));
        Path submission = hostileSubmission(lab, attack, temp.resolve("submission"), results);

        Grader.Options options = new Grader.Options(false, OptionalLong.of(20261125L));
        boolean policy = attack.refusedUse() != null && !"off".equals(System.getProperty("attack.policy"));
        Scorecard card =
                Grader.ofThisJvm(step -> {}).grade(lab, submission, policy ? options : options.withoutApiPolicy());
        GradingReports.write(card, results);

        String all = describe(card);
        assertThat(ProcessHandle.allProcesses()
                        .filter(p -> p.info().commandLine().orElse("").contains(TOKEN))
                        .count())
                .as("processes left alive by the submission")
                .isZero();
        JsonNode json = new ObjectMapper().readTree(Files.readString(results.resolve("autograding.json")));
        assertThat(json.path("score").asInt())
                .as("autograding.json score\n" + all)
                .isZero();
        assertThat(card.points()).as("points the starter did not earn\n" + all).isZero();
        assertThat(all).as("evidence of the attack").doesNotContain("LEAKED").doesNotContain("SECRET-");
        assertThat(all.chars()
                        .filter(ch -> ch < 0x20 && ch != '\n' || ch == 0x7f)
                        .count())
                .as("control characters\n" + all)
                .isZero();
        assertThat(Files.exists(lab.directory().resolve(TOKEN)))
                .as("written into labs/")
                .isFalse();
        assertThat(Files.exists(classesDir().resolve(TOKEN)))
                .as("written into the grader's classes")
                .isFalse();
        assertThat(Files.exists(Path.of(System.getProperty("user.home"), ".streamlab", TOKEN)))
                .as("written into ~/.streamlab")
                .isFalse();
        assertThat(accepted()).as("connections from the check JVM to the host").isFalse();
        assertThat(card.duration().toSeconds()).isLessThan(lab.overallTimeout().toSeconds() + 30);
        if (policy) {
            assertThat(card.compileErrors())
                    .as("the refused use, named")
                    .anyMatch(e -> e.contains(": uses " + attack.refusedUse()));
            return;
        }
        switch (attack.name()) {
            case "shadowed-helper" ->
                assertThat(card.compileErrors())
                        .as("the hidden checks' file and lines")
                        .noneMatch(e -> e.matches("(?s).*(Hidden|CustomerOrder)\\w*\\.java:\\d+.*"));
            case "compiler-crash" -> assertThat(card.compileErrors()).anyMatch(e -> e.contains("compiler"));
            case "huge-file" ->
                assertThat(card.compileErrors()).anyMatch(e -> e.contains("Huge.java") && e.contains("too large"));
            case "submission-symlink" -> assertThat(card.compileErrors()).anyMatch(e -> e.contains("link"));
            case "non-utf8-name" -> assertThat(card.compileErrors()).anyMatch(e -> e.contains("name"));
            case "grader-package" -> assertThat(card.compileErrors()).anyMatch(e -> e.contains("dev/streamlab"));
            case "compiles-against-streamlab" ->
                assertThat(card.compileErrors()).anyMatch(e -> e.contains("org.jruby"));
            default ->
                assertThat(card.checks())
                        .isNotEmpty()
                        .allSatisfy(c -> assertThat(c.message()).isNotBlank());
        }
    }

    /**
     * The sandbox holds each attack above alone; the API policy is a second wall in front of it: every attack whose code
     * reaches outside the lab is refused before anything runs, with the line of the attack named.
     */
    @Tag(JAVA_25)
    @ParameterizedTest(name = "policy: {0}")
    @MethodSource("codeThatReachesOut")
    void theApiPolicyRefusesTheAttackBeforeItRuns(Attack attack) throws Exception {
        Lab lab = copyOfLab("90");
        host = new ServerSocket(0);
        Path submission = hostileSubmission(
                lab, attack, temp.resolve("submission"), Files.createDirectories(temp.resolve("results")));

        Scorecard card =
                Grader.ofThisJvm(step -> {}).grade(lab, submission, new Grader.Options(false, OptionalLong.of(7L)));

        assertThat(card.points()).isZero();
        assertThat(card.compileErrors()).as(describe(card)).first().asString().contains("may not use");
        assertThat(card.compileErrors())
                .as(describe(card))
                .anyMatch(e -> e.startsWith("sandbox/StreamlabAttack.java:5: uses ")
                        || e.matches("sandbox/\\w+\\.java:\\d+: uses .*")
                                && !attack.extraFiles().isEmpty());
        assertThat(card.checks())
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.message()).contains("may not use"));
    }

    static Stream<Attack> codeThatReachesOut() {
        // Code with nothing to refuse, or refused before it is compiled (a class in the grader's package).
        // Threads without end use nothing the policy refuses: only the learner's JVM's limits hold them.
        // A JUnit extension does not compile at all: JUnit is not on the learner's class path (LearnerClassPath).
        Set<String> harmlessCode = Set.of(
                "escape-sequences",
                "grader-package",
                "shadowed-helper",
                "compiler-crash",
                "huge-file",
                "submission-symlink",
                "non-utf8-name",
                "threads-without-end",
                "loads-streamlab",
                "compiles-against-streamlab",
                "junit-service-file");
        return selected().filter(a -> !harmlessCode.contains(a.name()));
    }

    /** Under --all, one learner's code cannot change another's submission, and a broken one does not stop the class. */
    @Test
    void underAllEveryLearnerIsGradedAndNoneTouchesAnother() throws Exception {
        Path root = Submissions.PROJECT;
        Lab lab = Submissions.lab("05");
        Path klass = Files.createDirectories(temp.resolve("class"));
        Path victim = klass.resolve("c-victim");
        copy(lab.solution(), victim);
        Path badName = klass.resolve("a-bad-name");
        copy(lab.starter(), badName);
        Path pkg = badName.resolve("lab05");
        Process touch = new ProcessBuilder(
                        "bash", "-c", "touch \"$(printf '%s/\\377.java' \"$1\")\"", "_", pkg.toString())
                .start();
        assertThat(touch.waitFor()).isZero();
        Path writer = klass.resolve("b-writer");
        Attack plant = new Attack(
                "plants",
                "--all: one learner's code rewrites another's submission",
                "Files.writeString(Path.of(\"" + victim + "/lab05/FraudDetection.java\"), \"class Broken {\");"
                        + " return \"LEAKED rewrote another learner's submission\";",
                Map.of());
        hostileSubmission(lab, plant, writer, temp.resolve("results-unused"));
        String before = Files.readString(victim.resolve("lab05/FraudDetection.java"));
        Path results = temp.resolve("results");

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = StreamlabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute("grade", "05", "--all", klass.toString(), "--results", results.toString(), "--seed", "7");

        assertThat(Files.readString(victim.resolve("lab05/FraudDetection.java")))
                .as("the victim's submission")
                .isEqualTo(before);
        String csv = Files.readString(results.resolve("05-fraud-window").resolve(ClassSummary.FILE));
        assertThat(csv)
                .as(out + "\n" + err)
                .contains("a-bad-name,0,")
                .contains("b-writer,0,")
                .contains("c-victim,12,12,100");
        assertThat(code).isNotZero();
        assertThat(root).exists();
    }

    private boolean accepted() {
        try (var s = host.accept()) {
            return true;
        } catch (IOException timeout) {
            return false;
        }
    }

    private static String describe(Scorecard card) {
        List<String> lines = new ArrayList<>(card.compileErrors());
        card.checks()
                .forEach(c -> lines.add(
                        c.status() + " " + c.points() + "/" + c.maxPoints() + " " + c.fullName() + ": " + c.message()));
        lines.addAll(card.warnings());
        return String.join("\n", lines);
    }

    private static Path classesDir() {
        return Submissions.PROJECT.resolve("shell/target/classes");
    }

    /** The lab, copied into a made-up project beside another lab's solution and a .git folder. */
    private Lab copyOfLab(String id) throws IOException {
        Lab original = "90".equals(id) ? Submissions.sandboxLab() : Submissions.lab(id);
        Path project = temp.resolve("project");
        Path labs = Files.createDirectories(project.resolve("labs"));
        copy(original.directory(), labs.resolve(original.directory().getFileName()));
        Files.createDirectories(labs.resolve("99-other/solution"));
        Files.writeString(labs.resolve("99-other/solution/Other.java"), "class Other { String s = \"SECRET-OTHER\"; }");
        Files.createDirectories(project.resolve(".git"));
        Files.writeString(project.resolve(".git/config"), "[user]\n\tname = SECRET-GIT\n");
        return Lab.load(labs.resolve(original.directory().getFileName()));
    }

    /** The lab's starter with the attack run by a static initializer of the class the checks call. */
    private Path hostileSubmission(Lab lab, Attack attack, Path target, Path results) throws IOException {
        copy(lab.starter(), target);
        Path main = mainClass(target);
        String pkg = target.relativize(main.getParent()).toString().replace('/', '.');
        String simple = main.getFileName().toString().replace(".java", "");
        String helper = helperName(lab);
        Path hidden;
        try (Stream<Path> s = Files.walk(lab.hiddenChecks())) {
            hidden = s.filter(p -> p.toString().endsWith(".java")).findFirst().orElseThrow();
        }
        Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("${LAB}", lab.directory().toString());
        values.put("${PROJECT}", lab.directory().getParent().getParent().toString());
        values.put("${HIDDEN_SOURCE}", hidden.toString());
        values.put(
                "${HIDDEN_CLASS}",
                lab.hiddenChecks().relativize(hidden).toString().replace(".java", ".class"));
        values.put("${CP_DIR}", classesDir().toString());
        values.put("${TOKEN}", TOKEN);
        values.put("${RESULTS}", results.toString());
        values.put("${PORT}", String.valueOf(host == null ? 9 : host.getLocalPort()));
        values.put("${PKG_DIR}", pkg.replace('.', '/'));
        values.put("${PKG}", pkg);
        values.put("${HELPER}", helper);
        values.put("${HOME}", System.getProperty("user.home"));
        String source = Files.readString(main);
        int open = source.indexOf('{', source.indexOf("class " + simple));
        source = source.substring(0, open + 1)
                + "\n    static { String e = StreamlabAttack.run(); if (e != null) throw new AssertionError(e); }\n"
                + source.substring(open + 1);
        Files.writeString(main, source);
        Files.writeString(
                main.resolveSibling("StreamlabAttack.java"),
                fill(
                        "package ${PKG};\n"
                                + "import java.nio.file.*; import java.util.*;\n"
                                + "final class StreamlabAttack {\n"
                                + "  static String run() { try { return attack(); } catch (Throwable t) { return null; } }\n"
                                + "  static String attack() throws Throwable { " + attack.body() + " }\n"
                                + "  static String leak(Path p) throws java.io.IOException { byte[] b = Files.readAllBytes(p);"
                                + " return \"LEAKED read \" + p + \" (\" + b.length + \" bytes)\"; }\n"
                                + "}\n",
                        values));
        for (Map.Entry<String, String> extra : attack.extraFiles().entrySet()) {
            Path file = target.resolve(fill(extra.getKey(), values));
            Files.createDirectories(file.getParent());
            Files.writeString(file, fill(extra.getValue(), values));
        }
        if ("submission-symlink".equals(attack.name())) {
            Files.delete(main);
            Files.createSymbolicLink(main, lab.solution().resolve(target.relativize(main)));
        }
        if ("non-utf8-name".equals(attack.name())) {
            Process touch = new ProcessBuilder(
                            "bash",
                            "-c",
                            "touch \"$(printf '%s/\\377.java' \"$1\")\"",
                            "_",
                            main.getParent().toString())
                    .start();
            try {
                assertThat(touch.waitFor()).isZero();
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        }
        return target;
    }

    private static String helperName(Lab lab) throws IOException {
        try (Stream<Path> s = Files.walk(lab.visibleChecks())) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".java"))
                    .filter(n -> !n.endsWith("Checks.java"))
                    .map(n -> n.replace(".java", ""))
                    .findFirst()
                    .orElseGet(() -> {
                        try (Stream<Path> t = Files.walk(lab.hiddenChecks())) {
                            return t.map(p -> p.getFileName().toString())
                                    .filter(n -> n.endsWith(".java"))
                                    .findFirst()
                                    .orElseThrow()
                                    .replace(".java", "")
                                    .replace("Hidden", "");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
        }
    }

    private static Path mainClass(Path starter) throws IOException {
        try (Stream<Path> s = Files.walk(starter)) {
            return s.filter(p -> p.toString().endsWith(".java"))
                    .sorted(Comparator.comparing(Path::toString))
                    .findFirst()
                    .orElseThrow();
        }
    }

    private static String fill(String text, Map<String, String> values) {
        String out = text;
        for (Map.Entry<String, String> v : values.entrySet()) {
            out = out.replace(v.getKey(), v.getValue());
        }
        return out;
    }

    static void copy(Path from, Path to) throws IOException {
        dev.streamlab.files.FileTrees.copy(from, to);
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
