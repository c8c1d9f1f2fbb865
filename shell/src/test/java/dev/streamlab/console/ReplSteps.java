package dev.streamlab.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlab.golden.GoldenFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A REPL session written as steps, each what the learner enters and exactly what they see next, as the JDK tests
 * jshell ({@code test/langtools/jdk/jshell/ReplToolTesting.java}: {@code assertCommand(a, "int x = 5", "x ==> 5")}).
 *
 * <p>A step's expected text is the screen from just after the learner's entry up to, and including, the next prompt
 * as it waits: {@code run ▶ } with the code it offers in the line, or {@code »} with an empty line. The first step,
 * {@link #start}, is what the REPL shows before it first waits; the last step's text runs to the end (its
 * {@code Bye.}), and the REPL must not wait for anything more. Before comparing, both texts go through
 * a test's own {@link #mask}s, then {@link GoldenFile#standard()}'s (durations, ports, temporary
 * folders...), and lose trailing spaces (a text block cannot keep them; ReplToolTesting trims too).
 *
 * <p>Where ReplToolTesting checks each step at the prompt that follows it, as the tool runs, this runs the whole
 * script first and then compares step by step: the first step that differs fails, with its entry, and the whole
 * session, cut into steps, is written to {@code target/repl-steps-actual/} to copy from.
 */
final class ReplSteps {

    /** An entry and what shows after it; {@code input} is null for the start, {@code ctrlCWhen} null for no Ctrl-C. */
    record Step(String input, String ctrlCWhen, String expected) {

        String describe() {
            if (input == null) {
                return "the start";
            }
            String entry = input.equals(ScriptedConsole.ENTER) ? "Enter" : "'" + input + "'";
            return ctrlCWhen == null ? entry : entry + " and Ctrl-C once the output has '" + ctrlCWhen + "'";
        }
    }

    private final List<Step> steps;
    /** A test's own masks, applied before the standard ones (which would mask a temporary folder in a path first). */
    private final GoldenFile own = GoldenFile.exact();

    private final GoldenFile standard = GoldenFile.standard();

    private ReplSteps(List<Step> steps) {
        this.steps = steps;
    }

    /** What the REPL shows before the learner enters anything, up to its first prompt. */
    static Step start(String expected) {
        return new Step(null, null, expected);
    }

    /** The learner enters {@code input} ({@link ScriptedConsole#ENTER} to run what the line offers). */
    static Step step(String input, String expected) {
        return new Step(input, null, expected);
    }

    /** The learner enters {@code input}, and presses Ctrl-C once its output contains {@code text}. */
    static Step ctrlCWhenOutputHas(String text, String input, String expected) {
        return new Step(input, text, expected);
    }

    static ReplSteps of(Step start, Step... entries) {
        assertThat(start.input()).as("the first step is the start").isNull();
        List<Step> all = new ArrayList<>();
        all.add(start);
        all.addAll(List.of(entries));
        return new ReplSteps(all);
    }

    /** Masks every match of {@code regex} in both texts, for what differs between honest runs. */
    ReplSteps mask(String regex, String replacement) {
        own.mask(regex, replacement);
        return this;
    }

    private String normalise(String text) {
        return standard.normalise(own.normalise(text));
    }

    /**
     * Runs {@code repl} on a console that enters the steps' entries, then asserts each step's screen. Returns the
     * console, for what a test checks beyond the screen.
     */
    ScriptedConsole run(Consumer<ConsoleIO> repl) {
        List<String> script = new ArrayList<>();
        for (Step step : steps.subList(1, steps.size())) {
            if (step.ctrlCWhen() != null) {
                script.add(ScriptedConsole.ctrlCWhenOutputHas(step.ctrlCWhen()));
            }
            script.add(step.input());
        }
        ScriptedConsole console = new ScriptedConsole(script);
        repl.accept(console);

        List<String> screens = screens(console);
        String caller = caller();
        for (int i = 0; i < Math.min(steps.size(), screens.size()); i++) {
            Step step = steps.get(i);
            String actual = normalise(screens.get(i));
            String expected = normalise(step.expected());
            if (!actual.equals(expected)) {
                Path file = writeActual(caller, screens);
                assertThat(actual)
                        .as("step %d of %s, after %s (every step as it ran: %s)", i, caller, step.describe(), file)
                        .isEqualTo(expected);
            }
        }
        if (screens.size() > steps.size()) {
            throw new AssertionError(
                    "The REPL read on after the last step of " + caller + " (end with /quit, or add the"
                            + " steps it took; every step as it ran: " + writeActual(caller, screens) + ")");
        }
        if (screens.size() < steps.size()) {
            throw new AssertionError("The REPL ended after step " + (screens.size() - 1) + " of " + caller + ", before "
                    + steps.get(screens.size()).describe() + " (every step as it ran: " + writeActual(caller, screens)
                    + ")");
        }
        return console;
    }

    /** The transcript cut where the REPL waited: the start, then what each entry brought, to the next prompt. */
    private static List<String> screens(ScriptedConsole console) {
        String transcript = console.transcript();
        List<ScriptedConsole.Wait> waits = console.waits();
        List<String> screens = new ArrayList<>();
        int from = 0;
        for (ScriptedConsole.Wait wait : waits) {
            screens.add(transcript.substring(from, wait.promptAt())
                    + wait.prompt()
                    + (wait.prefill() == null ? "" : wait.prefill()));
            from = wait.answeredAt();
        }
        screens.add(transcript.substring(from));
        return screens;
    }

    private Path writeActual(String caller, List<String> screens) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < screens.size(); i++) {
            String entry =
                    i == 0 ? "start" : i < steps.size() ? steps.get(i).describe() : "(no step: the REPL read on)";
            text.append("── ")
                    .append(i)
                    .append(": ")
                    .append(entry)
                    .append(" ──\n")
                    .append(normalise(screens.get(i)));
        }
        Path file = Path.of("target", "repl-steps-actual", caller + ".txt");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The test that runs these steps, as Class.method: the nearest caller that is a JUnit test method. */
    private static String caller() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.filter(ReplSteps::isTestMethod)
                        .findFirst()
                        .map(f -> f.getDeclaringClass().getSimpleName() + "." + f.getMethodName())
                        .orElse("a test"));
    }

    private static boolean isTestMethod(StackWalker.StackFrame frame) {
        return Arrays.stream(frame.getDeclaringClass().getDeclaredMethods())
                .anyMatch(m -> m.getName().equals(frame.getMethodName()) && m.isAnnotationPresent(Test.class));
    }
}
