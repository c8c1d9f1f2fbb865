package dev.streamlab.console;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.streamlab.diagram.Drawing;
import dev.streamlab.notebook.JavaSession;
import dev.streamlab.notebook.PromptCommand;
import dev.streamlab.notebook.PromptCommand.Arguments;
import dev.streamlab.notebook.PromptCommand.Where;
import dev.streamlab.notebook.PromptCommands;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the learner's keys do to an offered cell, typed into a JLine terminal over streams (an xterm; a real
 * pty where JLine's native provider can open one, so the tty's own echo and line editing take part):
 * typing text replaces an untouched offer, any other key first edits it, and keys typed while a cell
 * runs reach the next prompt.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JLineConsoleIT {

    private static final String PROMPT = "cell> ";
    private static final String LEFT = "\033OD"; // at a prompt: JLine asked the xterm for its keypad keys
    private static final String LEFT_BETWEEN_PROMPTS = "\033[D"; // in the xterm's normal cursor mode
    private static final String BACKSPACE = "\177";
    private static final String DELETE = "\033[3~";
    private static final String HOME = "\033OH";
    private static final String CTRL_A = "\001";
    private static final String ALT_B = "\033b";
    private static final String TAB = "\t";
    private static final String ENTER = "\r";

    private static JavaSession java;
    private static final ExecutorService reading = Executors.newSingleThreadExecutor();

    @TempDir
    Path folder;

    private PipedOutputStream keyboard;
    private Terminal terminal;
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private JLineConsole console;

    @BeforeAll
    static void start() {
        java = new JavaSession(List.of("-Xmx64m"), List.of());
    }

    @AfterAll
    static void stop() {
        reading.shutdownNow();
        java.close();
    }

    @BeforeEach
    void open() throws IOException {
        PipedInputStream in = new PipedInputStream(4096);
        keyboard = new PipedOutputStream(in);
        terminal = TerminalBuilder.builder()
                .system(false)
                .streams(in, screen)
                .type("xterm-256color")
                .size(new Size(80, 24))
                .build();
        PromptCommands commands = new PromptCommands();
        commands.add(new PromptCommand(
                "/brokers", "/brokers", "", Where.NEEDS_CLUSTER, Arguments.NONE, args -> Drawing.text("")));
        commands.add(new PromptCommand(
                "/broker",
                "/broker kill|stop|restart ID",
                "",
                Where.NEEDS_CLUSTER,
                Arguments.first("kill", "stop", "restart"),
                args -> Drawing.text("")));
        commands.add(
                new PromptCommand("/next", "/next", "", Where.IN_LESSON, Arguments.NONE, args -> Drawing.text("")));
        console = new JLineConsole(terminal, java, commands, folder.resolve("history"));
    }

    @AfterEach
    void close() {
        console.close();
    }

    @Test
    void enterRunsTheUntouchedOffer() {
        assertThat(typeAt("/brokers", ENTER)).isEqualTo("/brokers");
        assertThat(typeAt("int answer = 40 + 2;", ENTER)).isEqualTo("int answer = 40 + 2;");
    }

    @Test
    void aPrintableKeyFirstReplacesTheOffer() {
        assertThat(typeAt("/brokers", "1+1" + ENTER)).isEqualTo("1+1");
        assertThat(typeAt("int answer = 40 + 2;", "/next" + ENTER)).isEqualTo("/next");
    }

    @Test
    void aPasteFirstReplacesTheOffer() {
        assertThat(typeAt("/brokers", "\033[200~int pasted = 7;\033[201~" + ENTER))
                .isEqualTo("int pasted = 7;");
    }

    @Test
    void anArrowFirstEditsTheOffer() {
        assertThat(typeAt("/brokers", LEFT + LEFT + "XY" + ENTER)).isEqualTo("/brokeXYrs");
        assertThat(typeAt("/brokers", HOME + "X" + ENTER)).isEqualTo("X/brokers");
    }

    @Test
    void editKeysFirstEditTheOffer() {
        assertThat(typeAt("/brokers", BACKSPACE + ENTER)).isEqualTo("/broker");
        assertThat(typeAt("/brokers", BACKSPACE + "z" + ENTER)).isEqualTo("/brokerz");
        assertThat(typeAt("/brokers", HOME + DELETE + "#" + ENTER)).isEqualTo("#brokers");
        assertThat(typeAt("/brokers 2", CTRL_A + "x" + ENTER)).isEqualTo("x/brokers 2");
        assertThat(typeAt("/brokers 2", ALT_B + "x" + ENTER)).isEqualTo("/brokers x2");
    }

    @Test
    void tabFirstCompletesTheOffer() {
        assertThat(typeAt("/ne", TAB + "2" + ENTER)).isEqualTo("/next 2");
    }

    /** Tab after a command's name completes its argument from the command table. */
    @Test
    void tabCompletesACommandsArgument() {
        assertThat(typeAt(null, "/broker re" + TAB + "2" + ENTER)).isEqualTo("/broker restart 2");
        assertThat(typeAt(null, "/broker s" + TAB + ENTER)).isEqualTo("/broker stop ");
    }

    @Test
    void aMultiLineOfferIsReplacedOrEditedWhole() {
        String offer = "int a = 1;\nint b = 2;";
        assertThat(typeAt(offer, ENTER)).isEqualTo(offer);
        assertThat(typeAt(offer, "3" + ENTER)).isEqualTo("3");
        assertThat(typeAt(offer, CTRL_A + "// " + ENTER)).isEqualTo("int a = 1;\n// int b = 2;");
    }

    @Test
    void withoutAnOfferTypingIsTyping() {
        assertThat(typeAt(null, "1+1" + ENTER)).isEqualTo("1+1");
        assertThat(typeAt("", "1+1" + ENTER)).isEqualTo("1+1");
    }

    @Test
    void keysTypedBeforeThePromptReplaceTheOffer() {
        type("1+1" + ENTER);
        assertThat(console.read(PROMPT, "/brokers")).isEqualTo("1+1");
    }

    @Test
    void keysTypedWhileACellRunsReachTheNextPromptUnechoed() {
        console.interruptible(
                () -> {
                    type("2+");
                    pause(200);
                    type("2" + ENTER + LEFT_BETWEEN_PROMPTS + "0" + ENTER);
                    pause(200);
                    return null;
                },
                () -> {});
        assertThat(screen.toString(UTF_8))
                .as("nothing echoed while the cell ran")
                .doesNotContain("2+");
        assertThat(console.read(PROMPT, "/brokers")).isEqualTo("2+2");
        assertThat(console.read(PROMPT, "/brokers")).isEqualTo("/broker0s");
    }

    @Test
    void afterACellRunsTheTerminalIsAsBefore() {
        String before = terminal.getAttributes().toString();
        console.interruptible(() -> null, () -> {});
        assertThat(terminal.getAttributes().toString()).isEqualTo(before);
    }

    @Test
    void theLearnersOwnCodeOfferedAgainIsEditedNotReplaced() {
        assertThat(typeAt("var f = send(\"orders\", \"k\", \"v\")", ".get()" + ENTER, false))
                .isEqualTo("var f = send(\"orders\", \"k\", \"v\").get()");
    }

    private String typeAt(String offer, String keys) {
        return typeAt(offer, keys, true);
    }

    /** Types at the prompt: once it shows, JLine reads keys raw (before, the tty would edit them itself). */
    private String typeAt(String offer, String keys, boolean typingReplaces) {
        int prompts = prompts();
        Future<String> line = reading.submit(() -> console.read(PROMPT, offer, typingReplaces));
        await().atMost(Duration.ofSeconds(10)).until(() -> prompts() > prompts);
        type(keys);
        try {
            return line.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("No line read; the screen shows: " + screen.toString(UTF_8), e);
        }
    }

    private int prompts() {
        return screen.toString(UTF_8).split(PROMPT, -1).length - 1;
    }

    private void type(String keys) {
        try {
            keyboard.write(keys.getBytes(UTF_8));
            keyboard.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The learner's cell running for a while: its own duration, not a wait for something to happen. */
    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
