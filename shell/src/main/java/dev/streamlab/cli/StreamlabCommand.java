package dev.streamlab.cli;

import java.io.PrintWriter;

import dev.streamlab.cluster.ClusterException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command: {@code streamlab}. */
@Command(name = "streamlab",
        mixinStandardHelpOptions = true,
        versionProvider = StreamlabCommand.Version.class,
        description = "A hands-on Apache Kafka workshop in your terminal.",
        subcommands = {
            LearnCommand.class,
            CheckCommand.class,
            DoctorCommand.class,
            ClusterCommand.class,
            BenchCommand.class,
            ImageCommand.class,
            GradeCommand.class,
            DemoCommand.class,
            SlidesCommand.class,
            CommandLine.HelpCommand.class
        })
public final class StreamlabCommand implements java.util.concurrent.Callable<Integer> {

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
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
                spec.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                        .description("Show this help and exit.").build());
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
        cmd.setColorScheme(CommandLine.Help.defaultColorScheme(Output.ansiFromEnvironment()));
        cmd.setExitCodeExceptionMapper(StreamlabCommand::exitCodeFor);
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            Output output = new Output(commandLine.getOut(), commandLine.getErr(), Output.ansiFromEnvironment());
            output.error(e instanceof ClusterException ? e.getMessage() : String.valueOf(e));
            return commandLine.getExitCodeExceptionMapper().getExitCode(e);
        });
        return cmd;
    }

    static int exitCodeFor(Throwable e) {
        if (e instanceof CommandLine.ParameterException) {
            return ExitCode.USAGE;
        }
        return e instanceof ClusterException ? ExitCode.ENVIRONMENT : ExitCode.CHECK_FAILED;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws java.io.IOException {
            java.util.Properties versions = new java.util.Properties();
            try (var in = StreamlabCommand.class.getResourceAsStream("/streamlab-version.properties")) {
                versions.load(in);
            }
            return new String[] {"streamlab " + versions.getProperty("streamlab.version"),
                    "Apache Kafka " + versions.getProperty("kafka.version")};
        }
    }
}
