package dev.streamlab.grading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.streamlab.files.AtomicFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Machine-readable results of one scorecard, each in the shape its consumer reads (the rules are those of the
 * consumers' own source, read for issue 14):
 * <ul>
 *   <li>{@code junit.xml}: a JUnit/Surefire XML report ({@code testsuite}, {@code testcase} with {@code classname},
 *       {@code name} and {@code time}, {@code failure}/{@code error} with {@code message} and {@code type}), written
 *       with the JDK's XML streaming API by the grader, from the scorecard (a report written in the check JVM could be
 *       forged there), with the names JUnit's own report uses;</li>
 *   <li>{@code autograding.json}: what GitHub Classroom's reporter ({@code autograding-grading-reporter}) reads from a
 *       runner; see {@link #classroomResult};</li>
 *   <li>{@code results.json}: Exercism's test-runner interface, version 3 ({@code --format exercism}).</li>
 * </ul>
 * Each file is written to a temporary file beside it and then moved in place, so a reader never sees half a file.
 */
public final class GradingReports {

    public static final String JUNIT_XML = "junit.xml";
    public static final String CLASSROOM_JSON = "autograding.json";
    public static final String EXERCISM_JSON = "results.json";

    /** Exercism's limit on a test's {@code output}, and on a message. */
    static final int EXERCISM_OUTPUT_LIMIT = 500;

    static final int EXERCISM_MESSAGE_LIMIT = 65_535;

    private GradingReports() {}

    /** {@code junit.xml} and {@code autograding.json}: for GitHub Classroom and CI test reporters. */
    public static List<Path> write(Scorecard card, Path resultsDir) {
        try {
            Files.createDirectories(resultsDir);
            Path xml = resultsDir.resolve(JUNIT_XML);
            AtomicFiles.write(xml, card.junitXml().orElseGet(() -> junitXml(card)));
            Path json = resultsDir.resolve(CLASSROOM_JSON);
            AtomicFiles.write(json, classroomJson(card));
            return List.of(xml, json);
        } catch (IOException e) {
            throw cannotWrite(resultsDir, e);
        }
    }

    /** {@code results.json} in the shape of Exercism's test-runner interface. */
    public static Path writeExercism(Scorecard card, Path resultsDir) {
        try {
            Files.createDirectories(resultsDir);
            Path json = resultsDir.resolve(EXERCISM_JSON);
            AtomicFiles.write(
                    json,
                    new ObjectMapper()
                            .enable(SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(exercismResult(card)));
            return json;
        } catch (IOException e) {
            throw cannotWrite(resultsDir, e);
        }
    }

    /**
     * The line a GitHub Actions step appends to {@code $GITHUB_OUTPUT} to hand the result to the reporter:
     * {@code result=} and the base64 of {@code autograding.json}, on one line (no line breaks in the base64).
     */
    public static String githubOutputLine(String classroomJson) {
        return "result=" + Base64.getEncoder().encodeToString(classroomJson.getBytes(StandardCharsets.UTF_8)) + "\n";
    }

    private static GradingException cannotWrite(Path dir, IOException e) {
        return new GradingException(
                "Cannot write the results to " + dir + " (" + e.getMessage()
                        + "). Choose another folder with --results.",
                e);
    }

    /** What {@code autograding.json} holds. */
    public static String classroomJson(Scorecard card) {
        try {
            return new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(classroomResult(card));
        } catch (JsonProcessingException e) {
            throw new GradingException("Cannot write the Classroom result: " + e.getMessage(), e);
        }
    }

    /**
     * The runner result GitHub Classroom's reporter reads. Its notice adds up {@code tests[].score}, but its table gives
     * (tests passed / tests) times {@code max_score}: the two agree only when every test is worth the same. So each check
     * is one test per point ({@code "... [2/3]"}), each worth 1. The reporter prints a failed test's {@code message}
     * never, and its {@code test_code} always: a failed check's first test carries why it failed and the hint there (the
     * message of a hidden check, never its code). {@code line_no} is the check's line for a visible check, else 0
     * (missing, the reporter prints "line undefined"). {@code max_score} is the lab's, also when no check could run.
     */
    static Map<String, Object> classroomResult(Scorecard card) {
        CheckSources sources = CheckSources.of(card.lab());
        List<Map<String, Object>> tests = new ArrayList<>();
        boolean noCheckListed = card.checks().stream().noneMatch(c -> c.maxPoints() > 0);
        if (!card.compiled() || noCheckListed) {
            // The reporter prints an error's message: the compiler's words, or why nothing could be graded. (And with
            // no test at all, its table would divide by zero.)
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("name", card.compiled() ? "grading" : "compile");
            error.put("status", "error");
            error.put("score", 0);
            error.put("line_no", 0);
            error.put(
                    "message",
                    !card.compiled()
                            ? String.join("\n", card.compileErrors())
                            : card.checks().stream()
                                    .map(CheckResult::message)
                                    .filter(m -> !m.isBlank())
                                    .findFirst()
                                    .orElse("Nothing could be graded."));
            tests.add(error);
        }
        for (CheckResult check : card.checks()) {
            long line = check.visible()
                    ? sources.of(check).map(CheckSources.Place::line).orElse(0L)
                    : 0L;
            for (int point = 1; point <= check.maxPoints(); point++) {
                Map<String, Object> test = new LinkedHashMap<>();
                test.put(
                        "name",
                        check.maxPoints() == 1
                                ? check.fullName()
                                : check.fullName() + " [" + point + "/" + check.maxPoints() + "]");
                test.put("status", check.passed() ? "pass" : "fail");
                test.put("score", check.passed() ? 1 : 0);
                test.put("line_no", line);
                if (!check.passed()) {
                    test.put("message", whyAndHint(check));
                    if (point == 1) {
                        test.put("test_code", whyAndHint(check));
                    }
                }
                tests.add(test);
            }
        }
        int maxScore = noCheckListed ? sources.maxPoints(card.visibleOnly()) : card.maxPoints();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("version", 1);
        result.put("status", !card.compiled() ? "error" : card.passed() ? "pass" : "fail");
        result.put("max_score", maxScore);
        result.put("score", card.points());
        result.put("seed", String.valueOf(card.seed()));
        result.put("verified", card.verified());
        if (!card.verified()) {
            result.put("warnings", card.warnings());
        }
        result.put("tests", tests);
        return result;
    }

    private static String whyAndHint(CheckResult check) {
        return "Why: " + check.message() + (check.hint().isEmpty() ? "" : "\nHint: " + check.hint());
    }

    /**
     * Exercism's results.json, version 3: {@code status} pass, fail (a test failed) or error (nothing could run: the
     * code does not compile, with the compiler's words as {@code message}); the tests in the order the checks are
     * written (visible ones first); a visible check's code as {@code test_code}, never a hidden one's.
     */
    static Map<String, Object> exercismResult(Scorecard card) {
        CheckSources sources = CheckSources.of(card.lab());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("version", 3);
        boolean nothingRan = !card.compiled()
                || card.checks().isEmpty()
                || card.checks().stream().allMatch(c -> c.status() == CheckResult.Status.NOT_RUN);
        result.put("status", nothingRan ? "error" : card.passed() ? "pass" : "fail");
        if (nothingRan) {
            String why = !card.compiled()
                    ? String.join("\n", card.compileErrors())
                    : card.checks().isEmpty()
                            ? "Nothing could be graded."
                            : card.checks().get(0).message();
            result.put("message", limit(why, EXERCISM_MESSAGE_LIMIT));
        }
        List<Map<String, Object>> tests = new ArrayList<>();
        List<CheckResult> ordered = new ArrayList<>(card.checks());
        ordered.sort(Comparator.comparing((CheckResult c) -> !c.visible())
                .thenComparing(c -> sources.of(c).map(CheckSources.Place::order).orElse(Integer.MAX_VALUE)));
        for (CheckResult check : ordered) {
            Map<String, Object> test = new LinkedHashMap<>();
            test.put("name", check.fullName());
            test.put(
                    "status",
                    check.passed() ? "pass" : check.status() == CheckResult.Status.NOT_RUN ? "error" : "fail");
            if (!check.passed()) {
                test.put("message", limit(whyAndHint(check), EXERCISM_MESSAGE_LIMIT));
            }
            String code = check.visible()
                    ? sources.of(check).map(CheckSources.Place::code).orElse("")
                    : "";
            if (!code.isEmpty()) {
                test.put("test_code", code);
            }
            tests.add(test);
        }
        result.put("tests", tests);
        return result;
    }

    private static String limit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    /**
     * The JUnit XML report: one {@code testsuite} named as JUnit's own report names it ("JUnit Jupiter"), a
     * {@code testcase} per check with its class and method as JUnit's report gives them, a {@code failure} (the check
     * failed) or an {@code error} (it did not run) with a message and a type, and a {@code compile} test case when the
     * code does not compile. Characters XML 1.0 cannot hold are left out, so a learner's value never makes it invalid.
     */
    static String junitXml(Scorecard card) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            long failures = card.checks().stream()
                            .filter(c -> c.status() == CheckResult.Status.FAILED)
                            .count()
                    + (card.compiled() ? 0 : 1);
            long errors = card.checks().stream()
                    .filter(c -> c.status() == CheckResult.Status.NOT_RUN)
                    .count();
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "JUnit Jupiter");
            xml.writeAttribute("tests", String.valueOf(card.checks().size() + (card.compiled() ? 0 : 1)));
            xml.writeAttribute("skipped", "0");
            xml.writeAttribute("failures", String.valueOf(failures));
            xml.writeAttribute("errors", String.valueOf(errors));
            xml.writeAttribute("time", seconds(card.duration().toMillis()));
            xml.writeCharacters("\n  ");
            xml.writeStartElement("properties");
            property(xml, "streamlab.lab", card.lab().id());
            property(xml, "streamlab.seed", String.valueOf(card.seed()));
            property(xml, "streamlab.points", card.points() + "/" + card.maxPoints());
            property(xml, "streamlab.verified", String.valueOf(card.verified()));
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            if (!card.compiled()) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", "compile");
                xml.writeAttribute("name", "compile");
                xml.writeAttribute("time", "0");
                outcome(
                        xml,
                        "failure",
                        "Your code does not compile",
                        "streamlab.CompileError",
                        String.join("\n", card.compileErrors()));
                xml.writeEndElement();
            }
            for (CheckResult c : card.checks()) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", xmlText(c.className().isEmpty() ? "grading" : c.className()));
                xml.writeAttribute("name", xmlText(c.method().isEmpty() ? c.name() : c.method()));
                xml.writeAttribute("time", seconds(c.millis()));
                switch (c.status()) {
                    case FAILED ->
                        outcome(
                                xml,
                                "failure",
                                c.message(),
                                c.errorType().isEmpty() ? "streamlab.CheckFailed" : c.errorType(),
                                whyAndHint(c));
                    case NOT_RUN -> outcome(xml, "error", c.message(), "streamlab.NotRun", whyAndHint(c));
                    case PASSED -> {}
                }
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new GradingException("Cannot write the JUnit XML report: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", xmlText(value));
    }

    private static void outcome(XMLStreamWriter xml, String element, String message, String type, String body)
            throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement(element);
        xml.writeAttribute("message", xmlText(message));
        xml.writeAttribute("type", xmlText(type));
        xml.writeCharacters(xmlText(body));
        xml.writeEndElement();
        xml.writeCharacters("\n  ");
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** The text without the characters XML 1.0 cannot hold (most control characters, lone surrogates, U+FFFE/F). */
    static String xmlText(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == 0x9
                    || c == 0xA
                    || c == 0xD
                    || c >= 0x20 && c <= 0xD7FF
                    || c >= 0xE000 && c <= 0xFFFD
                    || c >= 0x10000 && c <= 0x10FFFF) {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
