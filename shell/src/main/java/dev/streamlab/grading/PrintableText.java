package dev.streamlab.grading;

import java.util.ArrayList;
import java.util.List;

/** What the grader shows of a submission's or its checks' text: control characters out, refused uses listed briefly. */
final class PrintableText {

    private PrintableText() {}

    /** Text from the submission or its checks with every control character (escape sequences too) taken out. */
    static String of(String text) {
        String noSequences = text.replaceAll("\u001b\\[[0-?]*[ -/]*[@-~]", "")
                .replaceAll("\u001b\\][^\u0007\u001b]*(\u0007|\u001b\\\\)?", "")
                .replaceAll("\u009b[0-?]*[ -/]*[@-~]", "");
        StringBuilder b = new StringBuilder(noSequences.length());
        noSequences.codePoints().forEach(c -> {
            if (c == '\n') {
                b.append('\n');
            } else if (c == '\t') {
                b.append(' ');
            } else if (!(c < 0x20
                    || c == 0x7f
                    || c >= 0x80 && c < 0xa0
                    || c == 0x2028
                    || c == 0x2029
                    || c >= 0x202a && c <= 0x202e
                    || c >= 0x2066 && c <= 0x2069)) {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    static List<String> of(List<String> texts) {
        return texts.stream().map(PrintableText::of).toList();
    }

    /** The refused uses, after a line that says what to do, at most {@link #MAX_REFUSALS_SHOWN} of them. */
    static List<String> refusedApis(List<String> refusals) {
        List<String> lines = new ArrayList<>();
        lines.add(
                "Your code uses parts of Java that graded code may not use: reflection, class loading, files, processes,"
                        + " the network or the JVM's internals. No lab needs them. Remove these uses and grade again:");
        refusals.stream().limit(MAX_REFUSALS_SHOWN).map(PrintableText::of).forEach(lines::add);
        if (refusals.size() > MAX_REFUSALS_SHOWN) {
            lines.add("and " + (refusals.size() - MAX_REFUSALS_SHOWN) + " more.");
        }
        return lines;
    }

    private static final int MAX_REFUSALS_SHOWN = 10;
}
