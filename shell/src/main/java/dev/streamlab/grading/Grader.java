package dev.streamlab.grading;

import dev.streamlab.cluster.ClusterException;
import dev.streamlab.cluster.ScratchDirectory;
import dev.streamlab.grading.CheckResult.Status;
import dev.streamlab.grading.child.CheckEvent;
import dev.streamlab.grading.child.CheckRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Grades one submission of one lab: compiles it, compiles the lab's checks against it, runs them in a separate
 * JVM ({@link CheckProcess}) and turns what that JVM reported into a {@link Scorecard}. Never prints; progress
 * goes to a listener. Leaves nothing behind: its work folder is removed at the end.
 */
public final class Grader {

    /**
     * How to grade: only the visible checks or all, the seed (empty: a fresh one), and whether the check JVM must run in
     * the {@link Sandbox} (the default; without it a run is marked unverified).
     */
    public record Options(boolean visibleOnly, OptionalLong seed, boolean sandbox, boolean apiPolicy) {
        public Options(boolean visibleOnly, OptionalLong seed) {
            this(visibleOnly, seed, true);
        }

        public Options(boolean visibleOnly, OptionalLong seed, boolean sandbox) {
            this(visibleOnly, seed, sandbox, true);
        }

        /**
         * The same, without the {@link ApiPolicy}: only for tests that show the sandbox alone holds an attack (the
         * command line has no way to turn the policy off).
         */
        Options withoutApiPolicy() {
            return new Options(visibleOnly, seed, sandbox, false);
        }

        public static Options all() {
            return new Options(false, OptionalLong.empty());
        }
    }

    /** The start of every warning that says a run's results are not vouched for by the sandbox. */
    public static final String UNVERIFIED = "unverified: ";

    private final String classpath;
    private final Consumer<String> progress;

    /** @param classpath the classes checks and submissions compile and run against: streamlab's own */
    public Grader(String classpath, Consumer<String> progress) {
        this.classpath = classpath;
        this.progress = progress;
    }

    /** A grader on the classpath of this JVM. */
    public static Grader ofThisJvm(Consumer<String> progress) {
        return new Grader(System.getProperty("java.class.path"), progress);
    }

    public Scorecard grade(Lab lab, Path submission, Options options) {
        long seed = options.seed().orElseGet(() -> new SecureRandom().nextLong());
        long started = System.nanoTime();
        ScratchDirectory folder = createWorkFolder();
        Path work = folder.path();
        try {
            return grade(lab, submission.toAbsolutePath().normalize(), options, seed, work, started);
        } catch (IOException e) {
            throw new GradingException("Grading failed while reading or writing " + work + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GradingException("Grading was interrupted.", e);
        } finally {
            folder.delete();
        }
    }

    private Scorecard grade(Lab lab, Path submission, Options options, long seed, Path work, long started)
            throws IOException, InterruptedException {
        boolean visibleOnly = options.visibleOnly();
        if (!Files.isDirectory(submission)) {
            throw new GradingException(
                    "There is no folder " + submission + ". Point --submission at the folder with your code.");
        }
        List<String> warnings = new ArrayList<>();
        Sandbox sandbox = null;
        if (options.sandbox()) {
            List<String> whyNot = new ArrayList<>();
            sandbox = Sandbox.orWhyNot(whyNot);
            if (sandbox == null) {
                // Fail closed: code that might read the checks or forge results is not run outside the sandbox.
                String why = UNVERIFIED + "the sandbox cannot start: " + whyNot.get(0) + ". Nothing was run; 0 points."
                        + " On a teacher's own machine, --no-sandbox grades without it (results marked unverified).";
                return notRun(
                        lab,
                        submission,
                        seed,
                        visibleOnly,
                        List.of(),
                        null,
                        work,
                        started,
                        "Not run: " + why,
                        null,
                        List.of(why));
            }
        } else {
            warnings.add(UNVERIFIED
                    + "graded without the sandbox (--no-sandbox): the submission's code could read the checks,"
                    + " write outside its folder or forge its results.");
        }
        progress.accept("Compiling " + VisibleText.of(submission));
        Path box = Files.createDirectories(work.resolve("box"));
        Path copy = work.resolve("source");
        SubmissionCopy.Result copied;
        try {
            copied = SubmissionCopy.copy(
                    submission, copy, LabChecks.checkPackages(lab), SubmissionCopy.labPackages(lab));
        } catch (IOException | RuntimeException e) {
            copied = new SubmissionCopy.Result(
                    List.of("Cannot read the submission (" + PrintableText.of(String.valueOf(e.getMessage())) + ")."));
        }
        if (!copied.ok()) {
            List<String> errors = new ArrayList<>(List.of("The submission was refused:"));
            copied.problems().forEach(problem -> errors.add(PrintableText.of(problem)));
            return notRun(
                    lab,
                    submission,
                    seed,
                    visibleOnly,
                    errors,
                    null,
                    work,
                    started,
                    "Not run: the submission was refused.",
                    sandbox,
                    warnings);
        }
        LabChecks.CompiledChecks checks = LabChecks.compile(lab, visibleOnly, box, classpath);
        if (!checks.errors().isEmpty()) {
            throw new GradingException(
                    "The checks of lab " + lab.id() + " do not compile: " + String.join("; ", checks.errors()));
        }
        // The lab's harness is compiled with the submission: it runs in the learner's JVM, beside their code, and both
        // compile against what that JVM will have.
        dev.streamlab.files.FileTrees.copy(lab.harness(), copy);
        Path submissionClasses = box.resolve("submission");
        JavaCompilation.Result compiled = JavaCompilation.compileSubmission(
                copy, LearnerClassPath.asString(Sandbox.runtimeClasspath(classpath)), submissionClasses);
        if (!compiled.success()) {
            boolean starterChanged =
                    compiled.errors().stream().allMatch(e -> e.startsWith(ApiUseScanner.HARNESS_FOLDER));
            List<String> errors = new ArrayList<>();
            if (starterChanged) {
                errors.add(
                        "The checks cannot call your code. Keep the class, method and parameter names of the starter:");
            }
            errors.addAll(PrintableText.of(compiled.errors()));
            return notRun(
                    lab,
                    submission,
                    seed,
                    visibleOnly,
                    errors,
                    checks,
                    work,
                    started,
                    starterChanged
                            ? "Not run: the checks cannot call your code."
                            : "Not run: your code does not compile.",
                    sandbox,
                    warnings);
        }
        if (options.apiPolicy() && !compiled.refusals().isEmpty()) {
            return notRun(
                    lab,
                    submission,
                    seed,
                    visibleOnly,
                    PrintableText.refusedApis(compiled.refusals()),
                    checks,
                    work,
                    started,
                    "Not run: your code uses parts of Java that graded code may not use.",
                    sandbox,
                    warnings);
        }
        progress.accept("Running " + (visibleOnly ? "the visible" : "all") + " checks of lab " + lab.id()
                + " against your code in a JVM of its own" + (sandbox == null ? "" : ", each in the sandbox")
                + " (seed " + seed + ")");
        CheckProcess.Outcome outcome = runUntilEveryCheckRan(lab, box, work, seed, checks, submissionClasses, sandbox);
        Optional<String> tampering = outcome.tampering();
        if (tampering.isPresent()) {
            // Fail closed: once one result is known to be forged, none of that run's can be believed.
            return notRun(
                    lab,
                    submission,
                    seed,
                    visibleOnly,
                    List.of(),
                    checks,
                    work,
                    started,
                    "Not graded: the results of this run" + " were forged (" + tampering.get()
                            + "), by code that wrote to the grader's channel. 0 points.",
                    sandbox,
                    warnings);
        }
        List<CheckResult> results = CheckResults.results(outcome, checks.visibleClasses(), lab);
        return withGradersXml(new Scorecard(
                lab,
                submission,
                seed,
                visibleOnly,
                List.of(),
                results,
                warnings,
                Duration.ofNanos(System.nanoTime() - started),
                Optional.empty()));
    }

    /** The scorecard of a submission that could not be graded at all (grade --all goes on with the next one). */
    public static Scorecard failed(Lab lab, Path submission, Exception e) {
        String why = "Grading failed: " + PrintableText.of(String.valueOf(e.getMessage()));
        return withGradersXml(new Scorecard(
                lab, submission, 0, false, List.of(why), List.of(), List.of(), Duration.ZERO, Optional.empty()));
    }

    /** The JUnit XML is always the grader's own, from the scorecard: a report written in the check JVM could be forged there. */
    private static Scorecard withGradersXml(Scorecard card) {
        return new Scorecard(
                card.lab(),
                card.submission(),
                card.seed(),
                card.visibleOnly(),
                card.compileErrors(),
                card.checks(),
                card.warnings(),
                card.duration(),
                Optional.of(GradingReports.junitXml(card)));
    }

    /**
     * Runs the checks; when the check JVM ends early (a crash, or its own time-out of a check),
     * the check that was running gets 0 and a fresh JVM runs the checks not yet graded, within the overall time limit.
     * The check JVM also ends itself after a check timed out (its thread may still spin), with the same effect.
     * The JUnit XML is then the grader's own (see {@link GradingReports}), since each JVM wrote only part of it.
     */
    private CheckProcess.Outcome runUntilEveryCheckRan(
            Lab lab,
            Path box,
            Path work,
            long seed,
            LabChecks.CompiledChecks checks,
            Path submissionClasses,
            Sandbox sandbox)
            throws IOException, InterruptedException {
        CheckProcess process = new CheckProcess(
                box, work, classpath, seed, lab.heapMb(), lab.learnerHeapMb(), sandbox, new CheckProgress(progress));
        long deadline = System.nanoTime() + lab.overallTimeout().toNanos();
        List<CheckEvent> events = new ArrayList<>();
        List<String> graded = new ArrayList<>();
        for (int attempt = 0; ; attempt++) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            CheckProcess.Outcome outcome = process.run(
                    checks.roots(),
                    submissionClasses,
                    lab.checkTimeout(),
                    left.isNegative() ? Duration.ZERO : left,
                    false,
                    graded);
            if (outcome.tampering().isPresent()) {
                return outcome;
            }
            boolean first = attempt == 0;
            outcome.events().stream()
                    .filter(e -> first || !CheckEvent.PLANNED.equals(e.type()))
                    .forEach(events::add);
            Optional<String> culprit = outcome.events().stream()
                    .filter(e -> CheckEvent.STARTED.equals(e.type()))
                    .map(CheckEvent::id)
                    .filter(id -> outcome.events().stream()
                            .noneMatch(e -> CheckEvent.FINISHED.equals(e.type()) && id.equals(e.id())))
                    .findFirst();
            boolean afterTimeout = outcome.exitCode() == CheckRunner.EXIT_AFTER_TIMEOUT && culprit.isEmpty();
            if (outcome.finished()
                    || outcome.timedOut()
                    || !(culprit.isPresent() || afterTimeout)
                    || allGraded(events)) {
                return attempt == 0
                        ? outcome
                        : new CheckProcess.Outcome(
                                events, outcome.timedOut(), outcome.exitCode(), outcome.logTail(), Optional.empty());
            }
            if (afterTimeout) {
                progress.accept("A check timed out; grading the remaining checks in a new JVM");
            } else {
                progress.accept("The check JVM ended during a check; grading the remaining checks in a new one");
                events.add(CheckEvent.finished(
                        culprit.get(),
                        CheckEvent.FAILED,
                        "Your code ended the check JVM during this check"
                                + " (exit code " + outcome.exitCode()
                                + "): it called System.exit, or the JVM crashed. Return a value or"
                                + " throw an exception instead.",
                        0));
            }
            graded.clear();
            events.stream()
                    .filter(e -> CheckEvent.FINISHED.equals(e.type()))
                    .map(CheckEvent::id)
                    .forEach(graded::add);
        }
    }

    private static boolean allGraded(List<CheckEvent> events) {
        Set<String> finished = events.stream()
                .filter(e -> CheckEvent.FINISHED.equals(e.type()))
                .map(CheckEvent::id)
                .collect(Collectors.toSet());
        return events.stream()
                .filter(e -> CheckEvent.PLANNED.equals(e.type()))
                .allMatch(e -> finished.contains(e.id()));
    }

    /** The checks and their points when the learner's code could not be compiled (or was not run): listed against the starter. */
    private Scorecard notRun(
            Lab lab,
            Path submission,
            long seed,
            boolean visibleOnly,
            List<String> errors,
            LabChecks.CompiledChecks checks,
            Path work,
            long started,
            String why,
            Sandbox sandbox,
            List<String> warnings)
            throws IOException, InterruptedException {
        List<CheckResult> results = new ArrayList<>();
        if (checks == null) {
            checks = LabChecks.compile(lab, visibleOnly, Files.createDirectories(work.resolve("box")), classpath);
        }
        if (checks.errors().isEmpty()) {
            // Listing the checks runs no code of the learner's; the list is the compiled checks', so it is made once.
            LabChecks.CompiledChecks listed = checks;
            List<CheckEvent> planned = CompiledCheckCache.planned(checks.key(), () -> {
                Path listing = Files.createDirectories(work.resolve("listing"));
                Path box = work.resolve("box");
                return new CheckProcess(box, listing, classpath, seed, 128, lab.learnerHeapMb(), sandbox, event -> {})
                        .run(listed.roots(), box, lab.checkTimeout(), Duration.ofSeconds(60), true, List.of())
                        .events();
            });
            for (CheckEvent e : planned) {
                if (CheckEvent.PLANNED.equals(e.type())) {
                    results.add(new CheckResult(
                            e.className(),
                            e.name(),
                            checks.visibleClasses().contains(e.className()),
                            Status.NOT_RUN,
                            0,
                            e.points(),
                            why,
                            e.hint(),
                            0,
                            CheckResults.legacyMethodName(e.id()),
                            ""));
                }
            }
        }
        if (results.isEmpty() && errors.isEmpty()) {
            results.add(new CheckResult("", "the checks could run", true, Status.NOT_RUN, 0, 0, why, "", 0));
        }
        return withGradersXml(new Scorecard(
                lab,
                submission,
                seed,
                visibleOnly,
                errors,
                results,
                warnings,
                Duration.ofNanos(System.nanoTime() - started),
                Optional.empty()));
    }

    /** Compiled classes, the check JVM's events, reports and Kafka data: removed after grading, or by a later run. */
    private static ScratchDirectory createWorkFolder() {
        try {
            return ScratchDirectory.create("grading");
        } catch (ClusterException e) {
            throw new GradingException(e.getMessage(), e);
        }
    }
}
