package dev.streamlab.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code /topology} and {@code /smt} look at what the learner built, in the learner's own Java session. */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LearnerVariableCommandsIT {

    /** These commands need no cluster: the notebook's cluster never starts. */
    private static Notebook notebook;

    @BeforeAll
    static void start() {
        notebook = new Notebook(new CompletableFuture<>(), Notebook.newJavaSession());
    }

    @AfterAll
    static void close() {
        notebook.close();
    }

    @Test
    void topologyDrawsTheNewestTopology() {
        assertThat(notebook.runTyped("/topology").output()).contains("You have no Topology yet");
        java("""
                var builder = new org.apache.kafka.streams.StreamsBuilder();
                builder.<String, String>stream("authorization_attempts").filter((card, attempt) -> true).to("possible_fraud");
                var topology = builder.build();
                """);

        CellResult drawn = notebook.runTyped("/topology");

        assertThat(drawn.outcome()).isEqualTo(JavaOutcome.OK);
        assertThat(drawn.code()).isEqualTo("/topology");
        assertThat(drawn.output()).contains("Sub-topology 0", "authorization_attempts", "filter", "possible_fraud");
    }

    @Test
    void aLearnerWhoEditsTheirTopologySeesTheNewOneBeforeAndAfterJavaStartsAfresh() {
        java("""
                var edited = new org.apache.kafka.streams.StreamsBuilder();
                edited.<String, String>stream("first-draft").to("drafts");
                var draft = edited.build();
                """);
        assertThat(notebook.runTyped("/topology draft").output()).contains("first-draft");
        java("""
                var edited = new org.apache.kafka.streams.StreamsBuilder();
                edited.<String, String>stream("second-draft").mapValues(v -> v.toUpperCase()).to("drafts");
                var draft = edited.build();
                """);

        CellResult drawn = notebook.runTyped("/topology draft");

        assertThat(drawn.output()).contains("second-draft", "mapvalues").doesNotContain("first-draft");
        assertThat(drawn.drawing().draw(new dev.streamlab.terminal.Styles(true).diagramStyle(), 120))
                .as("the shell draws it in colour at its own width")
                .contains("\u001b[")
                .contains("second-draft");

        // A topology is built by method calls, which a restart does not run again: the learner is told, runs the cell
        // again, and sees their newest topology.
        assertThat(notebook.runTyped("System.exit(3);").problem()).contains("Java started afresh");
        assertThat(notebook.runTyped("/topology draft").output())
                .isEqualTo("You have no variable `draft`. Declare it in a Java cell first.\n");
        java("""
                var edited = new org.apache.kafka.streams.StreamsBuilder();
                edited.<String, String>stream("third-draft").to("drafts");
                var draft = edited.build();
                """);
        assertThat(notebook.runTyped("/topology draft").output())
                .contains("third-draft")
                .doesNotContain("second-draft");
    }

    @Test
    void aVariableThatHoldsNothingIsAClearErrorAndTheShellGoesOn() {
        java("org.apache.kafka.streams.Topology nothing = null;");
        java("Map<String, String> noChain = null;");

        CellResult topology = notebook.runTyped("/topology nothing");
        CellResult smt = notebook.runTyped("/smt noChain");

        assertThat(topology.outcome()).isEqualTo(JavaOutcome.EXCEPTION);
        assertThat(topology.output())
                .isEqualTo("`nothing` holds no Topology. Give it one, e.g. nothing = builder.build();\n");
        assertThat(smt.output()).startsWith("`noChain` holds no map of transforms.* settings.");
        assertThat(notebook.runTyped("1 + 1").output()).contains("==> 2");
    }

    @Test
    void smtShowsTheChainOnSampleCustomerEvents() {
        java("""
                var dropGender = new LinkedHashMap<String, String>();
                dropGender.put("transforms", "drop");
                dropGender.put("transforms.drop.type", "org.apache.kafka.connect.transforms.ReplaceField$Value");
                dropGender.put("transforms.drop.exclude", "gender");
                """);

        CellResult shown = notebook.runTyped("/smt dropGender 2");

        assertThat(shown.outcome()).isEqualTo(JavaOutcome.OK);
        assertThat(shown.output()
                        .lines()
                        .filter(line -> line.startsWith("  -> customers {"))
                        .count())
                .isEqualTo(2);
        assertThat(shown.output())
                .contains("customers {user: ab123, gender: female, ip: 1.2.3.95")
                .contains("  -> customers {user: ab123, ip: 1.2.3.95");
    }

    @Test
    void aNameThatIsNoVariableIsAClearError() {
        CellResult shown = notebook.runTyped("/smt nosuchchain");

        assertThat(shown.outcome()).isEqualTo(JavaOutcome.EXCEPTION);
        assertThat(shown.output()).contains("You have no variable `nosuchchain`");
    }

    private static void java(String code) {
        assertThat(notebook.runTyped(code).outcome()).isEqualTo(JavaOutcome.OK);
    }
}
