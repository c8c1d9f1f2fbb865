package dev.streamlab.lesson;

import java.util.List;

/**
 * A lesson: a title and its steps, parsed from {@code lessons/ID.adoc}.
 *
 * @param id the file name without {@code .adoc}, such as {@code 00-welcome}
 * @param file the source file, relative to the project, for messages
 * @param resetTopics topics a demo deletes before it starts, so it can run twice in a row
 *                    ({@code :reset-topics: a, b} in the header; a name may end with {@code *})
 * @param resetGroups consumer groups a demo deletes before it starts ({@code :reset-groups:})
 */
public record Lesson(
        String id, String title, String file, List<Step> steps, List<String> resetTopics, List<String> resetGroups) {

    public Lesson {
        steps = List.copyOf(steps);
        resetTopics = resetTopics == null ? List.of() : List.copyOf(resetTopics);
        resetGroups = resetGroups == null ? List.of() : List.copyOf(resetGroups);
    }

    public Lesson(String id, String title, String file, List<Step> steps) {
        this(id, title, file, steps, List.of(), List.of());
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

    /**
     * The steps (by index in {@link #steps()}) that need a cluster whose brokers streamlab can stop: in a section
     * ({@code ==} heading), every step from the first {@code /broker kill|stop|restart} command to the section's end,
     * since what follows a broker's death there (a new leader, a shrunken ISR, {@code NotEnoughReplicas}) only
     * happens after it.
     */
    public java.util.Set<Integer> stepsNeedingBrokerControl() {
        java.util.Set<Integer> needing = new java.util.TreeSet<>();
        boolean inBrokenSection = false;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (step.prose().stream().anyMatch(p -> p.kind() == Prose.Kind.HEADING)) {
                inBrokenSection = false;
            }
            if (step.hasCell() && controlsBrokers(step.cell())) {
                inBrokenSection = true;
            }
            if (inBrokenSection && step.hasCell()) {
                needing.add(i);
            }
        }
        return needing;
    }

    private static boolean controlsBrokers(Cell cell) {
        return cell.kind() == Cell.Kind.COMMAND
                && cell.code().strip().matches("(?s)/broker\\s+(kill|stop|restart)\\b.*");
    }

    /** Whether a cell of this lesson runs SQL (on the SQL engine). */
    public boolean hasSql() {
        return cells().stream().anyMatch(c -> c.kind() == Cell.Kind.SQL);
    }

    /** Whether a learner may call this lesson {@code name}: its number, its short name, or its id. */
    public boolean answersTo(String name) {
        return new dev.streamlab.catalog.NumberedName(number(), shortName()).answersTo(name)
                || name.strip()
                        .toLowerCase(java.util.Locale.ROOT)
                        .replaceFirst("\\.adoc$", "")
                        .equals(id);
    }
}
