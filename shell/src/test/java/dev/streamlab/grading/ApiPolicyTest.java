package dev.streamlab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The API policy as a student meets it: honest code (every lab's solution and the usual Java a learner writes) passes;
 * code that reaches for reflection, class loading, files, processes, the network or the JVM's internals is refused by
 * line, however it is spelled (import, full name, var, method reference, inherited method). Compiled by the real javac
 * (in this JVM, as the compiler's JVM compiles; one case through that JVM).
 */
class ApiPolicyTest {

    @TempDir
    Path temp;

    @Test
    void everyLabSolutionAndStarterUsesOnlyAllowedApis() throws IOException {
        try (Stream<Path> labs = Files.list(Submissions.PROJECT.resolve("labs"))) {
            for (Path lab : labs.filter(d -> d.getFileName().toString().matches("\\d\\d-.*"))
                    .toList()) {
                for (String part : List.of("solution", "starter")) {
                    JavaCompilation.Result r = JavaCompilation.compileHere(
                            lab.resolve(part), classpath(), temp.resolve(lab.getFileName() + "-" + part), true);
                    assertThat(r.success())
                            .as(lab + " " + part + " compiles: " + r.errors())
                            .isTrue();
                    assertThat(r.refusals()).as(lab + " " + part).isEmpty();
                }
            }
        }
    }

    @Test
    void everydayJavaIsAllowed() {
        assertThat(refusals("""
                import java.util.*;
                import java.util.concurrent.*;
                import java.time.Duration;
                import java.io.*;
                import java.nio.charset.StandardCharsets;
                import org.apache.kafka.clients.producer.*;
                import org.apache.kafka.common.serialization.StringSerializer;
                import org.apache.kafka.common.utils.Bytes;
                public class Honest extends Thread {
                    record Pair(String a, int b) { }
                    enum Colour { RED }
                    public void run() {
                        Map<String, Object> config = new HashMap<>();
                        config.put(ProducerConfig.ACKS_CONFIG, "all");
                        List<Pair> pairs = new ArrayList<>(List.of(new Pair("x", 1)));
                        pairs.sort(Comparator.comparing(Pair::a));
                        System.out.println(getClass().getSimpleName() + pairs + Colour.valueOf("RED") + Duration.ofSeconds(1));
                        StringWriter text = new StringWriter();
                        new PrintWriter(text).printf("%d%n", 1);
                        new ByteArrayOutputStream().writeBytes("x".getBytes(StandardCharsets.UTF_8));
                        Runtime.getRuntime().addShutdownHook(new Thread(() -> { }));
                        ExecutorService pool = Executors.newSingleThreadExecutor();
                        pool.shutdown();
                        try { Thread.sleep(1); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                        byte[] raw = new byte[2];
                        var copy = raw.clone();
                        System.out.println(raw.length + copy.length);
                        Bytes.wrap(new byte[0]);
                        new StringSerializer().close();
                        Object o = new Object() { public String toString() { return "anonymous"; } };
                        System.out.println(o);
                    }
                }
                """)).isEmpty();
    }

    static Stream<Arguments> refusedCode() {
        return Stream.of(
                Arguments.of(
                        "import java.lang.reflect.Field; class A { Field f; }", "java.lang.reflect.Field (reflection)"),
                Arguments.of(
                        "class A { Object f() throws Exception { return A.class.getDeclaredField(\"x\"); } int x; }",
                        "java.lang.Class.getDeclaredField (reflection)"),
                Arguments.of(
                        "class A { Object f() throws Exception { return Class.forName(\"java.lang.Runtime\"); } }",
                        "java.lang.Class.forName (reflection)"),
                Arguments.of(
                        "class A { java.util.function.Function<String, ?> f = A.class::getResourceAsStream; }",
                        "java.lang.Class.getResourceAsStream (class loading)"),
                Arguments.of(
                        "class A extends Thread { Object f() { return getContextClassLoader(); } }",
                        "java.lang.Thread.getContextClassLoader (the JVM's internals)"),
                Arguments.of(
                        "class A { void f() { var l = ClassLoader.getSystemClassLoader(); } }",
                        "java.lang.ClassLoader (class loading)"),
                Arguments.of(
                        "class A { void f() { var t = Thread.currentThread(); var l = t.getContextClassLoader(); } }",
                        "java.lang.Thread.getContextClassLoader (the JVM's internals)"),
                Arguments.of(
                        "class A { Object f() throws Exception { return java.nio.file.Files.readAllBytes(java.nio.file.Path.of(\"/x\")); } }",
                        "java.nio.file.Files (files)"),
                Arguments.of(
                        "class A { Object f() throws Exception { return new java.io.FileInputStream(\"/x\"); } }",
                        "java.io.FileInputStream (files)"),
                Arguments.of(
                        "class A { Object f() throws Exception { return new java.io.PrintWriter(\"/tmp/x\"); } }",
                        "new java.io.PrintWriter(java.lang.String) (files)"),
                Arguments.of(
                        "class A { void f() throws Exception { new ProcessBuilder(\"sh\").start(); } }",
                        "java.lang.ProcessBuilder (processes)"),
                Arguments.of(
                        "class A { void f() throws Exception { Runtime.getRuntime().exec(new String[] {\"sh\"}); } }",
                        "java.lang.Runtime.exec (processes)"),
                Arguments.of("class A { void f() { System.exit(0); } }", "java.lang.System.exit (the JVM's internals)"),
                Arguments.of(
                        "class A { Object f() { return System.getProperties(); } }",
                        "java.lang.System.getProperties (system properties)"),
                Arguments.of(
                        "class A { void f() { System.setProperty(\"java.io.tmpdir\", \"/\"); } }",
                        "java.lang.System.setProperty (system properties)"),
                Arguments.of(
                        "class A { void f() { System.clearProperty(\"user.home\"); } }",
                        "java.lang.System.clearProperty (system properties)"),
                Arguments.of(
                        "class A { void f() { System.setProperties(null); } }",
                        "java.lang.System.setProperties (system properties)"),
                Arguments.of(
                        "class A { Object f() { return System.getenv(); } }",
                        "java.lang.System.getenv (the environment)"),
                Arguments.of(
                        "class A { java.util.function.Function<String, String> f = System::getenv; }",
                        "java.lang.System.getenv (the environment)"),
                Arguments.of(
                        "class A { void f() throws Exception { var r = Runtime.getRuntime(); r.exec(\"sh\"); } }",
                        "java.lang.Runtime.exec (processes)"),
                Arguments.of(
                        "class A { void f() { System.setOut(null); } }",
                        "java.lang.System.setOut (the JVM's internals)"),
                Arguments.of(
                        "class A { void f() throws Exception { new java.net.Socket(\"localhost\", 1); } }",
                        "java.net.Socket (the network)"),
                Arguments.of(
                        "class A { Object f() { return java.lang.management.ManagementFactory.getRuntimeMXBean(); } }",
                        "java.lang.management.ManagementFactory (the JVM's internals)"),
                Arguments.of(
                        "class A { Object f() { return java.lang.invoke.MethodHandles.lookup(); } }",
                        "java.lang.invoke.MethodHandles (reflection)"),
                Arguments.of(
                        "class A { Object f() { return java.util.ServiceLoader.load(Runnable.class); } }",
                        "java.util.ServiceLoader (class loading)"),
                Arguments.of(
                        "class A { Object f() { return new com.fasterxml.jackson.databind.ObjectMapper(); } }",
                        "com.fasterxml.jackson.databind.ObjectMapper (a library no lab needs)"),
                Arguments.of(
                        "class A { Object f() throws Exception { return org.apache.kafka.common.utils.Utils.readFileAsString(\"/x\"); } }",
                        "org.apache.kafka.common.utils.Utils (Kafka's internals)"),
                Arguments.of(
                        "class A { Object f() { return new org.apache.kafka.common.config.provider.DirectoryConfigProvider(); } }",
                        "org.apache.kafka.common.config.provider.DirectoryConfigProvider (files)"),
                Arguments.of(
                        "class A { Object f() { return dev.streamlab.grading.check.CheckSeed.PROPERTY; } }",
                        "dev.streamlab.grading.check.CheckSeed (the grader and its checks)"),
                Arguments.of(
                        "class A { Object f() { return java.io.FileDescriptor.out; } }",
                        "java.io.FileDescriptor (files)"),
                Arguments.of(
                        "class A implements java.lang.reflect.InvocationHandler { public Object invoke(Object p, java.lang.reflect.Method m,"
                                + " Object[] a) { return null; } }",
                        "java.lang.reflect.InvocationHandler (reflection)"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refusedCode")
    void reachingOutsideTheLabIsRefusedWithTheLine(String source, String refusal) {
        assertThat(refusals(source))
                .anyMatch(r -> r.startsWith("A.java:1: uses " + refusal + "; instead, ") && r.endsWith("."));
    }

    /** What a learner who reads the grader's settings (its paths, its seed) would write, and is told instead. */
    @Test
    void readingTheSystemPropertiesIsRefusedNamingTheFileLineAndWhatToDo() {
        assertThat(refusals("""
                class A {
                    String f() {
                        return System.getProperties().toString();
                    }
                }
                """, true))
                .containsExactly(
                        "A.java:3: uses java.lang.System.getProperties (system properties); instead, take settings"
                                + " from the configuration or the parameters the checks give your code.");
    }

    /** Compiled here, in the test's JVM, as in the compiler's JVM, without starting one per case. */
    private List<String> refusals(String source) {
        return refusals(source, false);
    }

    private List<String> refusals(String source, boolean inTheCompilersJvm) {
        try {
            String name = source.contains("class Honest") ? "Honest" : "A";
            Path dir = Files.createDirectories(temp.resolve("src-" + System.nanoTime()));
            Files.writeString(dir.resolve(name + ".java"), source);
            Path out = temp.resolve("out-" + System.nanoTime());
            JavaCompilation.Result r = inTheCompilersJvm
                    ? JavaCompilation.compileSubmission(dir, classpath(), out)
                    : JavaCompilation.compileHere(dir, classpath(), out, true);
            assertThat(r.success()).as("compiles: " + r.errors()).isTrue();
            return r.refusals();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String classpath() {
        return System.getProperty("java.class.path");
    }
}
