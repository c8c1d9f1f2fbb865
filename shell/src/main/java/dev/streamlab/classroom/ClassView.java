package dev.streamlab.classroom;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The class at one moment, as the page, the terminal table and the CSV show it: a row per learner and a row per step
 * where someone is. Computed from the folded states and the clock, so the time on a step keeps growing between events.
 *
 * @param learners one row per learner, by name
 * @param steps    one row per (lesson, step) where at least one learner is, in course order
 * @param rejected events left out because they broke the schema
 */
public record ClassView(long at, List<Learner> learners, List<StepRow> steps, long rejected) {

    /** Who counts as stuck: on a step whose cell has not passed for longer than {@code time}, or {@code failures} times failed. */
    public record StuckRule(Duration time, int failures) {
        public static final StuckRule DEFAULT = new StuckRule(Duration.ofMinutes(5), 3);

        boolean stuck(LearnerState s, long now) {
            return s.lesson != null && !s.passed && (now - s.stepSince > time.toMillis() || s.failures >= failures);
        }
    }

    public record Learner(
            String name,
            String lesson,
            int step,
            long secondsOnStep,
            int failures,
            int hints,
            List<String> finished,
            Map<String, String> labs,
            boolean stuck,
            String lastFailure) {}

    public record StepRow(String lesson, int step, int here, int stuck, int past) {}

    public static ClassView of(Collection<LearnerState> states, long now, StuckRule rule, long rejected) {
        List<Learner> learners = states.stream()
                .sorted(Comparator.comparing(s -> s.learner))
                .map(s -> new Learner(
                        s.learner,
                        s.lesson,
                        s.step,
                        s.lesson == null ? 0 : Math.max(0, (now - s.stepSince) / 1000),
                        s.failures,
                        s.hints,
                        List.copyOf(s.finished),
                        Map.copyOf(s.labs),
                        rule.stuck(s, now),
                        s.lastFailure))
                .toList();
        Map<String, int[]> here = new TreeMap<>();
        for (LearnerState s : states) {
            if (s.lesson != null) {
                int[] counts = here.computeIfAbsent(key(s.lesson, s.step), k -> new int[2]);
                counts[0]++;
                counts[1] += rule.stuck(s, now) ? 1 : 0;
            }
        }
        List<StepRow> steps = new ArrayList<>();
        here.forEach((k, counts) -> {
            String lesson = k.substring(0, k.lastIndexOf('#'));
            int step = Integer.parseInt(k.substring(k.lastIndexOf('#') + 1));
            int past =
                    (int) states.stream().filter(s -> isPast(s, lesson, step)).count();
            steps.add(new StepRow(lesson, step, counts[0], counts[1], past));
        });
        return new ClassView(now, learners, steps, rejected);
    }

    /** Zero-padded so the map's order is the course's order. */
    private static String key(String lesson, int step) {
        return lesson + "#" + String.format("%05d", step);
    }

    /** Beyond (lesson, step): a later lesson or step, or the lesson finished. */
    static boolean isPast(LearnerState s, String lesson, int step) {
        if (s.finished.contains(lesson)) {
            return true;
        }
        if (s.lesson == null) {
            return false;
        }
        int byLesson = s.lesson.compareTo(lesson);
        return byLesson > 0 || (byLesson == 0 && s.step > step);
    }

    public Learner learner(String name) {
        return learners.stream().filter(l -> l.name().equals(name)).findFirst().orElse(null);
    }

    public StepRow step(String lesson, int step) {
        return steps.stream()
                .filter(s -> s.lesson().equals(lesson) && s.step() == step)
                .findFirst()
                .orElse(null);
    }
}
