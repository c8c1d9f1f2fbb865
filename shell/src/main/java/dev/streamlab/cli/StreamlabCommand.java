package dev.streamlab.cli;

import dev.streamlab.cluster.ClusterException;
import dev.streamlab.terminal.Styles;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command: {@code streamlab}. */
@Command(
        name = "streamlab",
        mixinStandardHelpOptions = true,
        versionProvider = StreamlabCommand.Version.class,
        description = "A hands-on Apache Kafka workshop in your terminal.",
        subcommands = {
            LearnCommand.class,
            CheckCommand.class,
            DoctorCommand.class,
            ClusterCommand.class,
            ClassCommand.class,
            BenchCommand.class,
            ImageCommand.class,
            GradeCommand.class,
            DemoCommand.class,
            SlidesCommand.class,
            KitCommand.class,
            SqlCommand.class,
            picocli.AutoComplete.GenerateCompletion.class,
            CommandLine.HelpCommand.class
        })
public final class StreamlabCommand implements java.util.concurrent.Callable<Integer> {

    @Option(
            names = "--verbose",
            scope = ScopeType.INHERIT,
            description = "Show Kafka's own log messages (hidden by default).")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        // A bare `streamlab` carries on where the learner left off, like `streamlab learn`.
        return spec.commandLine().getSubcommands().get("learn").execute();
    }

    /** {@code --help} on every subcommand too, e.g. {@code streamlab bench --help}. */
    private static void addHelpOption(CommandLine parent) {
        for (CommandLine sub : parent.getSubcommands().values()) {
            CommandLine.Model.CommandSpec spec = sub.getCommandSpec();
            boolean hasHelp = spec.options().stream().anyMatch(CommandLine.Model.OptionSpec::usageHelp)
                    || sub.getCommand() instanceof CommandLine.HelpCommand;
            if (!hasHelp) {
                spec.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help")
                        .usageHelp(true)
                        .description("Show this help and exit.")
                        .build());
            }
            addHelpOption(sub);
        }
    }

    /** The command line with streamlab's output, colours and error handling wired in. */
    public static CommandLine commandLine() {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new StreamlabCommand());
        addHelpOption(cmd);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setColorScheme(CommandLine.Help.defaultColorScheme(
                Styles.forStandardOutput().colour() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        cmd.setExitCodeExceptionMapper(StreamlabCommand::exitCodeFor);
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            Output output = new Output(commandLine.getOut(), commandLine.getErr(), Styles.forStandardOutput());
            boolean verbose = parseResult != null && parseResult.hasMatchedOption("--verbose")
                    || parseResult != null
                            && parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"));
            output.error(describe(e, verbose));
            if (verbose) {
                e.printStackTrace(commandLine.getErr());
            }
            return commandLine.getExitCodeExceptionMapper().getExitCode(e);
        });
        return cmd;
    }

    /**
     * What the user reads when a command fails: a message written for them as it is; anything else, what it was and how
     * to see more (as JBang does: the stack trace only under --verbose).
     */
    static String describe(Throwable e, boolean verbose) {
        if (isForTheUser(e)) {
            return e.getMessage();
        }
        String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return "streamlab failed unexpectedly (" + what + ")."
                + (verbose
                        ? " The stack trace follows."
                        : " Run the command again with --verbose to see where; please report it with that output.");
    }

    /** Exceptions whose message is written for a learner or an instructor: what happened and what to do. */
    private static boolean isForTheUser(Throwable e) {
        return e instanceof ClusterException
                || e instanceof dev.streamlab.grading.GradingException
                || e instanceof dev.streamlab.lesson.LessonFormatException
                || e instanceof dev.streamlab.sql.SqlEngineException;
    }

    static int exitCodeFor(Throwable e) {
        if (e instanceof CommandLine.ParameterException || e instanceof dev.streamlab.cluster.SettingException) {
            return ExitCode.USAGE;
        }
        if (e instanceof ClusterException
                || e instanceof dev.streamlab.grading.GradingException
                || e instanceof dev.streamlab.sql.SqlEngineException) {
            return ExitCode.ENVIRONMENT;
        }
        return e instanceof dev.streamlab.lesson.LessonFormatException ? ExitCode.USAGE : ExitCode.INTERNAL;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws java.io.IOException {
            java.util.Properties versions = new java.util.Properties();
            try (var in = StreamlabCommand.class.getResourceAsStream("/streamlab-version.properties")) {
                versions.load(in);
            }
            return new String[] {
                "streamlab " + versions.getProperty("streamlab.version"),
                "Apache Kafka " + versions.getProperty("kafka.version")
            };
        }
    }
}
