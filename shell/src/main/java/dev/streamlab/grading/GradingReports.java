package dev.streamlab.grading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Machine-readable results of one scorecard, written into a results folder:
 * <ul>
 *   <li>{@code junit.xml}: the report JUnit's {@code LegacyXmlReportGeneratingListener} wrote in the check JVM;</li>
 *   <li>{@code autograding.json}: the shape GitHub Classroom's autograding reporter reads from a runner
 *       ({@code version}, {@code status}, {@code max_score}, {@code tests[]} with {@code name}, {@code status},
 *       {@code score}, {@code message}); base64 it into the runner's {@code result} output.</li>
 * </ul>
 * Each file is written to a temporary file beside it and then moved in place, so a reader never sees half a file.
 */
public final class GradingReports {

    public static final String JUNIT_XML = "junit.xml";
    public static final String CLASSROOM_JSON = "autograding.json";

    private GradingReports() {
    }

    public static List<Path> write(Scorecard card, Path resultsDir) {
        try {
            Files.createDirectories(resultsDir);
            Path xml = resultsDir.resolve(JUNIT_XML);
            writeAtomically(xml, card.junitXml().orElseGet(() -> fallbackXml(card)));
            Path json = resultsDir.resolve(CLASSROOM_JSON);
            writeAtomically(json, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(classroomResult(card)));
            return List.of(xml, json);
        } catch (IOException e) {
            throw new GradingException("Cannot write the results to " + resultsDir + " (" + e.getMessage()
                    + "). Choose another folder with --results.", e);
        }
    }

    static Map<String, Object> classroomResult(Scorecard card) {
        List<Map<String, Object>> tests = new ArrayList<>();
        for (CheckResult check : card.checks()) {
            Map<String, Object> test = new LinkedHashMap<>();
            test.put("name", check.fullName());
            test.put("status", check.passed() ? "pass" : "fail");
            test.put("score", check.points());
            test.put("max_score", check.maxPoints());
            test.put("message", check.passed() ? "" : check.message() + (check.hint().isEmpty() ? "" : " Hint: " + check.hint()));
            test.put("execution_time", String.format("%.2fs", check.millis() / 1000.0));
            tests.add(test);
        }
        if (!card.compiled()) {
            Map<String, Object> compile = new LinkedHashMap<>();
            compile.put("name", "compile");
            compile.put("status", "error");
            compile.put("score", 0);
            compile.put("message", String.join("\n", card.compileErrors()));
            tests.add(0, compile);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("version", 1);
        result.put("status", !card.compiled() ? "error" : card.passed() ? "pass" : "fail");
        result.put("max_score", card.maxPoints());
        result.put("score", card.points());
        result.put("seed", String.valueOf(card.seed()));
        result.put("verified", card.verified());
        if (!card.verified()) {
            result.put("warnings", card.warnings());
        }
        result.put("tests", tests);
        return result;
    }

    /**
     * A JUnit XML written here, by hand, only when the check JVM wrote none (the code did not compile, or the JVM was
     * killed): CI systems that read JUnit XML then still see a failure instead of a missing file.
     */
    static String fallbackXml(Scorecard card) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        int tests = card.checks().size() + (card.compiled() ? 0 : 1);
        long failures = card.checks().stream().filter(c -> !c.passed()).count() + (card.compiled() ? 0 : 1);
        xml.append("<testsuite name=\"").append(escape("lab " + card.lab().id())).append("\" tests=\"").append(tests)
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"0\">\n");
        if (!card.compiled()) {
            xml.append("  <testcase classname=\"compile\" name=\"compile\">\n    <failure message=\"")
                    .append(escape("Your code does not compile")).append("\">")
                    .append(escape(String.join("\n", card.compileErrors()))).append("</failure>\n  </testcase>\n");
        }
        for (CheckResult c : card.checks()) {
            xml.append("  <testcase classname=\"").append(escape(c.className())).append("\" name=\"").append(escape(c.name()))
                    .append("\" time=\"").append(c.millis() / 1000.0).append("\"");
            if (c.passed()) {
                xml.append("/>\n");
            } else {
                xml.append(">\n    <failure message=\"").append(escape(c.message())).append("\"/>\n  </testcase>\n");
            }
        }
        return xml.append("</testsuite>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static void writeAtomically(Path target, String content) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
