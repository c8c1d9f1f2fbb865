package dev.streamlab.console;

import static dev.streamlab.console.ReplSteps.start;
import static dev.streamlab.console.ReplSteps.step;
import static dev.streamlab.console.ScriptedConsole.ENTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The step harness on a made-up REPL of a few lines: where it cuts the screen, and that it fails when it should. */
class ReplStepsTest {

    /** Offers {@code x = 1}, echoes each entry, and leaves at /quit. */
    private static void echo(ConsoleIO io) {
        io.print("Hello.\n");
        String prefill = "x = 1";
        while (true) {
            String entry = io.read(prefill == null ? "» " : "run ▶ ", prefill);
            if (entry == null || entry.equals("/quit")) {
                io.print("Bye.\n");
                return;
            }
            io.print("got " + entry + " at 12 ms\n");
            prefill = null;
        }
    }

    @Test
    void eachStepIsItsOutputUpToTheNextPromptWithWhatThePromptOffers() {
        ScriptedConsole console = ReplSteps.of(start("""
                        Hello.
                        run ▶ x = 1"""), step(ENTER, """
                        got x = 1 at <duration>
                        »"""), step("y", """
                        got y at <duration>
                        »"""), step("/quit", "Bye."))
                .run(ReplStepsTest::echo);

        assertThat(console.transcript())
                .isEqualTo("Hello.\nrun ▶ x = 1\ngot x = 1 at 12 ms\n» y\ngot y at 12 ms\n» /quit\nBye.\n");
    }

    @Test
    void aStepThatShowsSomethingElseFailsNamingItsEntry() {
        ReplSteps steps = ReplSteps.of(start("""
                        Hello.
                        run ▶ x = 1"""), step("y", """
                        got z at <duration>
                        »"""), step("/quit", "Bye."));

        assertThatThrownBy(() -> steps.run(ReplStepsTest::echo))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(
                        "step 1 of ReplStepsTest.aStepThatShowsSomethingElseFailsNamingItsEntry, after 'y'")
                .hasMessageContaining("got y at <duration>");
    }

    @Test
    void theOfferedCodeIsPartOfTheStepBeforeIt() {
        ReplSteps steps = ReplSteps.of(start("""
                        Hello.
                        »"""), step("/quit", "Bye."));

        assertThatThrownBy(() -> steps.run(ReplStepsTest::echo)).hasMessageContaining("after the start");
    }

    @Test
    void aReplThatReadsOnAfterTheLastStepFails() {
        ReplSteps steps = ReplSteps.of(start("""
                        Hello.
                        run ▶ x = 1"""), step("y", """
                        got y at <duration>
                        »"""));

        assertThatThrownBy(() -> steps.run(ReplStepsTest::echo))
                .hasMessageContaining(
                        "The REPL read on after the last step of ReplStepsTest.aReplThatReadsOnAfterTheLastStepFails");
    }

    @Test
    void aReplThatEndsBeforeTheLastStepFails() {
        ReplSteps steps = ReplSteps.of(start("""
                        Hello.
                        run ▶ x = 1"""), step("/quit", "Bye."), step("y", "got y"));

        assertThatThrownBy(() -> steps.run(ReplStepsTest::echo))
                .hasMessageContaining("The REPL ended after step 1")
                .hasMessageContaining("before 'y'");
    }

    @Test
    void aTestsOwnMaskReplacesWhatDiffersBetweenRuns() {
        ReplSteps.of(start("""
                        Hello.
                        run ▶ x = 1"""), step("the answer is 4711", """
                        got the answer is <n> at <duration>
                        »"""), step("/quit", "Bye."))
                .mask("\\b4711\\b", "<n>")
                .run(ReplStepsTest::echo);
    }
}
