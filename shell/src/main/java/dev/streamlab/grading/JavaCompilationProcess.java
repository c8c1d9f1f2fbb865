package dev.streamlab.grading;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The main class of the compiler's JVM that {@link JavaCompilation} starts. It reads four lines on stdin (the folder to
 * compile, the output folder, {@code true} to apply the {@link ApiPolicy}, the class path), compiles with the
 * {@link ApiUseScanner} when asked, and writes the result on stdout, each line after {@link JavaCompilation#REPLY}:
 * {@code success true|false}, one {@code error TEXT} or {@code refusal TEXT} per line, or {@code fatal TEXT} (compiling
 * cannot work here at all), then {@code end}. Runs no code of the submission (no annotation processing); the grader
 * stops it when it takes too long.
 */
public final class JavaCompilationProcess {

    static final String SUCCESS = "success";
    static final String ERROR = "error";
    static final String REFUSAL = "refusal";
    static final String FATAL = "fatal";
    static final String END = "end";

    private JavaCompilationProcess() {}

    /** What {@link #main} reads: the grader's own paths, never a line break in them. */
    static String request(Path sources, Path output, boolean applyPolicy, String classpath) {
        String request =
                String.join("\n", sources.toString(), output.toString(), String.valueOf(applyPolicy), classpath);
        if (request.chars().filter(c -> c == '\n' || c == '\r').count() != 3) {
            throw new GradingException(
                    "Cannot compile " + sources + ": a path with a line break in it. Rename the folder.");
        }
        return request + "\n";
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            Path sources = Path.of(in.readLine());
            Path output = Path.of(in.readLine());
            boolean applyPolicy = Boolean.parseBoolean(in.readLine());
            String classpath = in.readLine();
            reply(out, JavaCompilation.compileHere(sources, classpath == null ? "" : classpath, output, applyPolicy));
        } catch (GradingException e) {
            out.println(JavaCompilation.REPLY + FATAL + " " + oneLine(e.getMessage()));
        } catch (Exception | StackOverflowError | OutOfMemoryError crash) {
            reply(
                    out,
                    new JavaCompilation.Result(
                            false,
                            List.of("The Java compiler crashed on this code ("
                                    + crash.getClass().getSimpleName()
                                    + "), so it cannot be graded. Look for a very deeply nested expression"
                                    + " or a huge method, and simplify it.")));
        }
        out.println(JavaCompilation.REPLY + END);
        out.flush();
        System.exit(0);
    }

    private static void reply(PrintStream out, JavaCompilation.Result result) {
        out.println(JavaCompilation.REPLY + SUCCESS + " " + result.success());
        result.errors().forEach(e -> out.println(JavaCompilation.REPLY + ERROR + " " + oneLine(e)));
        result.refusals().forEach(r -> out.println(JavaCompilation.REPLY + REFUSAL + " " + oneLine(r)));
    }

    private static String oneLine(String text) {
        return String.valueOf(text).replace('\n', ' ').replace('\r', ' ');
    }
}
