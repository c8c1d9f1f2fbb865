package dev.streamlab.console;

import dev.streamlab.notebook.PromptCommand;
import dev.streamlab.notebook.PromptCommand.Where;
import dev.streamlab.terminal.Styles;
import java.util.List;

/** What {@code /help} shows: the keys, then every command of the table, by where it applies, in one layout. */
final class HelpPage {

    private static final List<String[]> KEYS = List.of(
            new String[] {"Enter", "Run the cell, or go on once it passed."},
            new String[] {"Tab", "Complete Java, a command or its arguments."},
            new String[] {"Ctrl-C", "Stop running code."});

    private final Styles styles;
    private final ProseRenderer prose;

    HelpPage(Styles styles, ProseRenderer prose) {
        this.styles = styles;
        this.prose = prose;
    }

    String render(List<PromptCommand> commands, int width) {
        int column = 2
                + Math.max(
                        12,
                        commands.stream()
                                .mapToInt(c -> c.usage().length())
                                .max()
                                .orElse(0))
                + 2;
        StringBuilder out = new StringBuilder();
        KEYS.forEach(key -> out.append(row("", key[0], key[1], column, width)));
        for (Where where : Where.values()) {
            List<PromptCommand> here =
                    commands.stream().filter(c -> c.where() == where).toList();
            if (!here.isEmpty()) {
                out.append('\n')
                        .append(styles.apply(Styles.HEADING, title(where)))
                        .append('\n');
                here.forEach(c -> out.append(row("  ", c.usage(), c.help(), column, width)));
            }
        }
        return out.append("\nOr type any Java, such as send(\"greetings\", \"bob\", \"Hi\")\n")
                .toString();
    }

    private static String title(Where where) {
        return switch (where) {
            case IN_LESSON -> "In a lesson";
            case ANY_TIME -> "Any time";
            case NEEDS_CLUSTER -> "The cluster";
            case NEEDS_JAVA -> "Your Java variables";
            case NEEDS_SQL -> "SQL";
        };
    }

    /** The usage in its column, then the help, its further lines under its first. */
    private String row(String indent, String usage, String help, int column, int width) {
        String padding = " ".repeat(column);
        String wrapped = prose.wrapPlain(help, width - column).replace("\n", "\n" + padding);
        return styles.apply(Styles.CODE, String.format("%-" + column + "s", indent + usage)) + wrapped + "\n";
    }
}
