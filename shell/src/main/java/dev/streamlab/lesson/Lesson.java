package dev.streamlab.lesson;

import java.util.List;

/**
 * A lesson: a title and its steps, parsed from {@code lessons/ID.adoc}.
 *
 * @param id the file name without {@code .adoc}, such as {@code 00-welcome}
 * @param file the source file, relative to the project, for messages
 */
public record Lesson(String id, String title, String file, List<Step> steps) {

    public Lesson {
        steps = List.copyOf(steps);
    }

    /** The number in front of the id: {@code 00}. */
    public String number() {
        int dash = id.indexOf('-');
        return dash < 0 ? id : id.substring(0, dash);
    }

    /** The id without its number: {@code welcome}. */
    public String shortName() {
        int dash = id.indexOf('-');
        return dash < 0 ? id : id.substring(dash + 1);
    }

    public List<Cell> cells() {
        return steps.stream().filter(Step::hasCell).map(Step::cell).toList();
    }

    /** Whether a learner may call this lesson {@code name}: its number, its short name, or its id. */
    public boolean answersTo(String name) {
        String n = name.strip().toLowerCase(java.util.Locale.ROOT).replaceFirst("\\.adoc$", "");
        return n.equals(id) || n.equals(number()) || n.equals(shortName())
                || (n.matches("\\d+") && number().matches("\\d+") && Integer.parseInt(n) == Integer.parseInt(number()));
    }
}
