package dev.streamlab.cli;

import dev.streamlab.classroom.JoinFile;
import dev.streamlab.files.ProjectRoot;
import dev.streamlab.grading.ClassGrading;
import dev.streamlab.grading.ClassSummary;
import dev.streamlab.grading.Grader;
import dev.streamlab.grading.GradingException;
import dev.streamlab.grading.GradingReports;
import dev.streamlab.grading.Lab;
import dev.streamlab.grading.LabCatalog;
import dev.streamlab.grading.Scorecard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code streamlab grade LAB}: grade a lab submission, or a whole class of them. */
@Command(
        name = "grade",
        description = {
            "Grade your work on a lab: compiles it, runs the lab's checks, prints points and hints.",
            "Writes junit.xml (CI test reporters) and autograding.json (GitHub Classroom) into the results folder, or",
            "results.json (Exercism) with --format exercism.",
            "",
            "The checks run in a sandbox (bubblewrap, Linux): a JVM that sees only the compiled checks, a compiled copy of"
                    + " the submission (no links, no special files, at most 1 MB a file) and an empty /tmp. No network; no access"
                    + " to the labs, their solutions, .git, ~/.streamlab, the results or other learners' folders; every process"
                    + " it starts ends with it. Results travel on its stdout after a per-run nonce, never through a file.",
            "It needs bwrap (apt-get install bubblewrap) and user namespaces. Where it cannot start, nothing is run: 0 points,"
                    + " and the scorecard and autograding.json say 'unverified'.",
            "Before anything runs, the submission may use only what labs need: java.lang, java.util, java.time, in-memory"
                    + " java.io and Kafka's client, Streams and Connect APIs. Reflection, class loading, files, processes, the"
                    + " network and the JVM's internals are refused by line, with 0 points: the learner's code shares the check"
                    + " JVM with the runner that reports results, and nothing else would stop it forging them on Java 24+.",
            "A run whose results show forgery (a check reported twice, results after the end) gets 0 points.",
            "",
            "For GitHub Classroom: autograding.json has one test per point, so the reporter's notice and its table give the"
                    + " same score; a failed check's reason and hint show in the Actions log (test_code), a visible check's line"
                    + " too; max_score is the lab's even when nothing ran. In a workflow, --github-output hands the result to"
                    + " the reporter (labs/classroom/ has a tested template). The JUnit XML follows the Surefire report's schema.",
            "Exit codes: 0 full marks (or results written, with --github-output or --format exercism), 1 a check failed,"
                    + " 2 a wrong command line, 3 grading could not run."
        })
public final class GradeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "LAB", description = "The lab: its number (05) or name (fraud-window).")
    String labName;

    @picocli.CommandLine.Mixin
    ClassServerOptions classServer = new ClassServerOptions();

    @Option(
            names = "--class",
            paramLabel = "FILE",
            description = "Your join file (join-NAME.properties): your score goes to your class's view, as you. Also"
                    + " STREAMLAB_CLASS, or 'class=' in ~/.streamlab/config.properties.")
    Path classFile;

    @Option(
            names = "--submission",
            paramLabel = "DIR",
            description = "The folder with your code (default: the lab's starter folder, where you work).")
    Path submission;

    @Option(names = "--visible-only", description = "Run only the checks you can see in checks/visible.")
    boolean visibleOnly;

    @Option(
            names = "--all",
            paramLabel = "DIR",
            description =
                    "Grade every submission in DIR (one folder per learner) and write class-summary.csv. A learner's"
                            + " folder that has a starter/ folder (a clone of their GitHub Classroom repository) is graded there.")
    Path all;

    @Option(
            names = "--parallel",
            paramLabel = "N",
            description =
                    "With --all: how many learners to grade at once (default: one more than the cores, as memory allows).")
    Integer parallel;

    @Option(
            names = "--results",
            paramLabel = "DIR",
            defaultValue = "grading-results",
            description = "Where to write the results (default: ${DEFAULT-VALUE}).")
    Path results;

    @Option(names = "--seed", paramLabel = "N", description = "Replay a run with the seed it printed.")
    Long seed;

    @Option(
            names = "--no-sandbox",
            description =
                    "Run the checks without the sandbox (a teacher's own machine without"
                            + " bwrap). The results are marked unverified: the submission's code could then read the checks or forge results.")
    boolean noSandbox;

    /** Which consumer's files to write. */
    enum Format {
        classroom,
        exercism
    }

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "classroom",
            description = "classroom (default): junit.xml and autograding.json. exercism: results.json (Exercism's"
                    + " test-runner interface, version 3), and exit code 0 whatever the score.")
    Format format;

    @Option(
            names = "--github-output",
            description = "In a GitHub Actions step: also append result=<base64 of"
                    + " autograding.json> to the file $GITHUB_OUTPUT names, for the Classroom reporter, and exit 0 once it is written"
                    + " (the reporter then fails the job when checks failed).")
    boolean githubOutput;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Output output = Output.of(spec);
        LabCatalog catalog = LabCatalog.ofProject(ProjectRoot.find());
        Lab lab = catalog.find(labName).orElse(null);
        if (lab == null) {
            output.error("There is no lab '" + labName + "'. The labs are:\n"
                    + catalog.labs().stream()
                            .map(l -> "  " + l.id() + "  " + l.title())
                            .collect(Collectors.joining("\n")));
            return ExitCode.USAGE;
        }
        if (githubOutput && all != null) {
            output.error(
                    "--github-output is for one submission in a GitHub Actions step; leave out --all or --github-output.");
            return ExitCode.USAGE;
        }
        String githubOutputFile = System.getenv("GITHUB_OUTPUT");
        if (githubOutput && (githubOutputFile == null || githubOutputFile.isBlank())) {
            output.error("--github-output writes to the file $GITHUB_OUTPUT names, and GITHUB_OUTPUT is not set."
                    + " GitHub Actions sets it in every step; elsewhere, leave out --github-output.");
            return ExitCode.USAGE;
        }
        if ((classServer.classServer != null || classFile != null) && all != null) {
            output.error((classFile != null ? "--class" : "--class-server") + " publishes one learner's score; leave it"
                    + " out with --all.");
            return ExitCode.USAGE;
        }
        // As learn and check: --class, else STREAMLAB_CLASS or class= in the config file (one learner's grade only).
        Path join = classFile != null
                ? classFile
                : all == null && classServer.classServer == null ? ClusterOptions.envClassFile() : null;
        publisher = classServer.start(output, Optional.ofNullable(join).map(JoinFile::read));
        try {
            return grade(lab, output, githubOutputFile);
        } finally {
            if (publisher != null) {
                // The grade waits at most 5 s for the score to reach the class server.
                publisher.close(java.time.Duration.ofSeconds(5));
            }
        }
    }

    private dev.streamlab.notebook.ClassPublisher publisher;

    private int grade(Lab lab, Output output, String githubOutputFile) {
        Grader grader = Grader.ofThisJvm(output::progress);
        Grader.Options options = new Grader.Options(
                visibleOnly, seed == null ? OptionalLong.empty() : OptionalLong.of(seed), !noSandbox);
        try {
            return all != null
                    ? gradeClass(grader, lab, options, output)
                    : gradeOne(grader, lab, options, output, githubOutputFile);
        } catch (GradingException e) {
            output.error(e.getMessage());
            return ExitCode.ENVIRONMENT;
        }
    }

    /** With --class or --class-server, the score goes to the class view. */
    private void publishScore(Lab lab, Scorecard card, Output output) {
        if (publisher != null) {
            publisher.labGraded(lab.id(), card.points(), card.maxPoints());
        }
    }

    private int gradeOne(Grader grader, Lab lab, Grader.Options options, Output output, String githubOutputFile) {
        Path dir = submission != null ? submission : lab.starter();
        Scorecard card = grader.grade(lab, dir, options);
        ScorecardView.lines(card, output.styles()).forEach(output::result);
        publishScore(lab, card, output);
        Path target = results.resolve(lab.id());
        writeResults(card, target).forEach(p -> output.progress("Wrote " + p));
        if (githubOutput) {
            Path file = Path.of(githubOutputFile);
            try {
                // The reporter gets the very bytes of the autograding.json just written (built once).
                Path written = target.resolve(GradingReports.CLASSROOM_JSON);
                String classroom =
                        format == Format.classroom ? Files.readString(written) : GradingReports.classroomJson(card);
                Files.writeString(
                        file,
                        GradingReports.githubOutputLine(classroom),
                        java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new GradingException(
                        "Cannot append the result to " + file + " ($GITHUB_OUTPUT): " + e.getMessage(), e);
            }
            output.progress("Wrote result=... to " + file + " for the Classroom reporter");
            return ExitCode.OK;
        }
        if (format == Format.exercism) {
            return ExitCode.OK;
        }
        return card.passed() ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }

    private List<Path> writeResults(Scorecard card, Path target) {
        return format == Format.exercism
                ? List.of(GradingReports.writeExercism(card, target))
                : GradingReports.write(card, target);
    }

    private int gradeClass(Grader grader, Lab lab, Grader.Options options, Output output) {
        List<Path> learners = learnerFolders(all);
        if (learners.isEmpty()) {
            throw new GradingException(
                    "There are no submission folders in " + all + ". Put one folder per learner there.");
        }
        Grader quiet = Grader.ofThisJvm(step -> {});
        Path target = results.resolve(lab.id());
        // One learner's folder (unreadable, odd names, a crash of the grader) never stops the class: 0, with why.
        int workers = parallel != null ? parallel : ClassGrading.workersFor(lab);
        if (workers < 1) {
            throw new GradingException("--parallel " + workers + " grades nobody: give 1 or more.");
        }
        Map<String, Scorecard> cards = ClassGrading.gradeAll(
                lab,
                learners,
                target,
                dir -> quiet.grade(lab, submissionIn(dir), options),
                this::writeResults,
                output::progress,
                workers);
        ClassGrading.table(cards).forEach(output::result);
        Path summary = ClassSummary.write(cards, target);
        output.result("Class summary: " + summary);
        return format == Format.exercism || cards.values().stream().allMatch(Scorecard::passed)
                ? ExitCode.OK
                : ExitCode.CHECK_FAILED;
    }

    /**
     * What {@code --all} grades in a learner's folder: its {@code starter/} when there is one (a clone of the learner's
     * repository made from the handout, as GitHub Classroom's tools download them), else the folder itself. A
     * {@code starter} that is a link is handed on as it is: the grader refuses a submission folder that is a link.
     */
    static Path submissionIn(Path learnerDir) {
        Path starter = learnerDir.resolve("starter");
        return Files.exists(starter, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? starter : learnerDir;
    }

    private static List<Path> learnerFolders(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new GradingException(
                    "There is no folder " + dir + ". Point --all at the folder with one folder per learner.");
        }
        try (Stream<Path> dirs = Files.list(dir)) {
            return dirs.filter(Files::isDirectory)
                    .filter(d -> !d.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new GradingException("Cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
