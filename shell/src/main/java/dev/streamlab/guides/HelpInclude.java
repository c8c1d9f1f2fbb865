package dev.streamlab.guides;

import dev.streamlab.cli.StreamlabCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.asciidoctor.ast.Document;
import org.asciidoctor.extension.IncludeProcessor;
import org.asciidoctor.extension.PreprocessorReader;
import picocli.CommandLine;

/**
 * {@code include::streamlab-help:class/create[]} puts in what {@code streamlab class create --help} prints, taken from
 * the command line itself, so the command reference says what the code does.
 */
final class HelpInclude extends IncludeProcessor {

    static final String PREFIX = "streamlab-help:";

    @Override
    public boolean handles(String target) {
        return target.startsWith(PREFIX);
    }

    @Override
    public void process(Document document, PreprocessorReader reader, String target, Map<String, Object> attributes) {
        reader.pushInclude(usage(target.substring(PREFIX.length())), target, target, 1, attributes);
    }

    /** The help of a command named by its path from the root, such as {@code class/create}; "" is the root's. */
    static String usage(String path) {
        CommandLine command =
                StreamlabCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        if (!path.isEmpty()) {
            for (String name : path.split("/")) {
                CommandLine sub = command.getSubcommands().get(name);
                if (sub == null) {
                    throw new IllegalArgumentException("streamlab has no command " + path.replace('/', ' ')
                            + "; the command reference names one that does not exist.");
                }
                command = sub;
            }
        }
        command.setUsageHelpWidth(100);
        return command.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing();
    }
}
