package dev.streamlab.guides;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlab.cli.StreamlabCommand;
import dev.streamlab.files.ProjectRoot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every {@code ./streamlab ...} example in the README and the guides names commands and options that exist: it is
 * parsed by streamlab's own command line, as the launcher would pass it, and never run.
 */
class CommandExamplesTest {

    private final Path root = ProjectRoot.find();

    @Test
    void everyExampleInTheReadmeAndTheGuidesParses() {
        List<CommandExamples.Example> examples = new ArrayList<>();
        Guides.sources(root)
                .forEach(source ->
                        examples.addAll(CommandExamples.in(root.resolve(source)).examples()));

        List<String> refused = new ArrayList<>();
        for (CommandExamples.Example example : examples) {
            String problem = parse(example.arguments());
            if (problem != null) {
                refused.add(root.relativize(example.file()) + ":" + example.line() + ": " + example.text() + "\n    "
                        + problem);
            }
        }
        assertThat(refused).as("examples streamlab's command line refuses").isEmpty();
        // The scan finds the examples it is meant to check, so an empty list above means something.
        assertThat(examples)
                .extracting(CommandExamples.Example::text)
                .contains(
                        "./streamlab",
                        "./streamlab class create --roster roster.txt --bootstrap-server HOST:PORT"
                                + " --command-config streamlab-admin.properties")
                .hasSizeGreaterThan(40);
    }

    @Test
    void anExampleWithAnOptionThatDoesNotExistIsRefused() {
        assertThat(parse(CommandExamples.arguments("learn --no-such-option 01")))
                .contains("--no-such-option");
        assertThat(parse(CommandExamples.arguments("class creat --roster r.txt")))
                .isNotNull();
        assertThat(parse(CommandExamples.arguments("learn --nope --help"))).contains("--nope");
        assertThat(parse(CommandExamples.arguments("bench --only \"class view\" --runs 1")))
                .isNull();
    }

    @Test
    void theScanFollowsContinuationsQuotesAndCodeSpansOverLineBreaks(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path doc = dir.resolve("x.adoc");
        java.nio.file.Files.writeString(doc, """
                Run `./streamlab bench
                --only "class view"` once.

                ----
                ./streamlab class create --roster roster.txt \\
                    --out join-files   # a comment
                source <(./streamlab generate-completion)
                ~/streamlab/bin/streamlab kit install /media/usb/kit
                See `lessons/demos/streaming-first.adoc` and `slides/README.adoc`.
                ----
                """);
        assertThat(CommandExamples.in(doc).examples())
                .extracting(CommandExamples.Example::arguments)
                .containsExactly(
                        List.of("bench", "--only", "class view"),
                        List.of("class", "create", "--roster", "roster.txt", "--out", "join-files"),
                        List.of("generate-completion"),
                        List.of("kit", "install", "/media/usb/kit"));
    }

    /**
     * Null when the arguments parse, else picocli's reason. Beside {@code --help} picocli lets anything pass and a
     * required option may be left out, so there the command and every option named must exist in its model.
     */
    private static String parse(List<String> arguments) {
        CommandLine commandLine =
                StreamlabCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        if (arguments.contains("--help") || arguments.contains("-h")) {
            return namesExist(commandLine, arguments);
        }
        try {
            commandLine.parseArgs(arguments.toArray(String[]::new));
            return null;
        } catch (CommandLine.ParameterException e) {
            return e.getMessage();
        }
    }

    private static String namesExist(CommandLine root, List<String> arguments) {
        CommandLine command = root;
        for (String argument : arguments) {
            if (argument.startsWith("-")) {
                String name = argument.split("=", 2)[0];
                if (command.getCommandSpec().findOption(name) == null) {
                    return "Unknown option: '" + name + "' for "
                            + command.getCommandSpec().qualifiedName();
                }
            } else if (command.getSubcommands().containsKey(argument)) {
                command = command.getSubcommands().get(argument);
            } else if (!command.getSubcommands().isEmpty()
                    && command.getCommandSpec().positionalParameters().isEmpty()) {
                return "Unknown command: '" + argument + "' for "
                        + command.getCommandSpec().qualifiedName();
            }
        }
        return null;
    }
}
