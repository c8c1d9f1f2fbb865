package dev.streamlab.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamlab.diagram.Drawing;
import dev.streamlab.notebook.PromptCommand.Arguments;
import dev.streamlab.notebook.PromptCommand.Where;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one table of commands: finding a command by any of its names, running it as a cell would, completing it. */
class PromptCommandsTest {

    private final List<String> ran = new ArrayList<>();
    private final PromptCommands table = new PromptCommands();

    PromptCommandsTest() {
        table.add(command("/broker", List.of(), Where.NEEDS_CLUSTER, Arguments.first("kill", "stop", "restart")));
        table.add(command("/brokers", List.of(), Where.NEEDS_CLUSTER, Arguments.NONE));
        table.add(command("/quit", List.of("/exit"), Where.ANY_TIME, Arguments.NONE));
    }

    private PromptCommand command(String name, List<String> aliases, Where where, Arguments arguments) {
        return new PromptCommand(name, aliases, name, "help for " + name, where, arguments, args -> {
            ran.add(name + " " + args);
            return Drawing.text(name + " ran");
        });
    }

    @Test
    void findsACommandByItsNameOrAnotherAndNothingElse() {
        assertThat(table.find("/broker kill 2")).map(PromptCommand::name).contains("/broker");
        assertThat(table.find("  /exit")).map(PromptCommand::name).contains("/quit");
        assertThat(table.find("/bro")).as("no prefixes").isEmpty();
        assertThat(table.find("/nonsense")).isEmpty();
        assertThat(table.find("brokers")).as("a command starts with /").isEmpty();
    }

    @Test
    void runsACellsCommandWithItsArguments() {
        assertThat(table.run("/broker  kill 2 ").plain()).isEqualTo("/broker ran");
        assertThat(ran).containsExactly("/broker [kill, 2]");
    }

    @Test
    void aCellRunsNeitherAnUnknownCommandNorOneOfThePromptsOwn() {
        assertThatThrownBy(() -> table.run("/nonsense"))
                .isInstanceOf(CommandException.class)
                .hasMessage("There is no command /nonsense. Commands: /broker, /brokers.");
        assertThatThrownBy(() -> table.run("/exit"))
                .isInstanceOf(CommandException.class)
                .hasMessage("/exit works at the prompt, not in a command cell.");
        assertThat(ran).isEmpty();
    }

    @Test
    void anActionThatFailsSaysWhichCommandFailed() {
        table.add(new PromptCommand("/topics", "/topics", "help", Where.NEEDS_CLUSTER, Arguments.NONE, args -> {
            throw new IllegalStateException("the cluster is gone");
        }));

        assertThatThrownBy(() -> table.run("/topics"))
                .isInstanceOf(CommandException.class)
                .hasMessage("/topics failed: the cluster is gone");
    }

    @Test
    void completesNamesAndAliasesThenTheArgumentBeingTyped() {
        assertThat(table.complete("/")).containsExactly("/broker", "/brokers", "/quit", "/exit");
        assertThat(table.complete("/br")).containsExactly("/broker", "/brokers");
        assertThat(table.complete("/e")).containsExactly("/exit");
        assertThat(table.complete("/broker ")).containsExactly("kill", "stop", "restart");
        assertThat(table.complete("/broker re")).containsExactly("restart");
        assertThat(table.complete("/broker kill "))
                .as("only the first argument has candidates")
                .isEmpty();
        assertThat(table.complete("/nonsense ")).isEmpty();
        assertThat(table.complete("int x")).as("Java is not a command").isEmpty();
    }

    @Test
    void aCommandAddedAgainReplacesTheOldOneAndNamesStayUnique() {
        table.add(command("/quit", List.of("/exit", "/bye"), Where.ANY_TIME, Arguments.NONE));

        assertThat(table.all()).extracting(PromptCommand::name).containsExactly("/broker", "/brokers", "/quit");
        assertThat(table.find("/bye")).isPresent();
        assertThatThrownBy(() -> table.add(command("/leave", List.of("/bye"), Where.ANY_TIME, Arguments.NONE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/bye");
    }

    @Test
    void theFrontEndsCommandsRunAtThePromptOnlyTheOthersInCellsToo() {
        assertThat(Where.IN_LESSON.runsInCells()).isFalse();
        assertThat(Where.ANY_TIME.runsInCells()).isFalse();
        assertThat(List.of(Where.NEEDS_CLUSTER, Where.NEEDS_JAVA, Where.NEEDS_SQL))
                .allMatch(Where::runsInCells);
    }
}
