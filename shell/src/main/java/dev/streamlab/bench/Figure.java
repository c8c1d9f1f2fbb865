package dev.streamlab.bench;

import java.util.List;
import java.util.OptionalDouble;

/**
 * One measured figure: every run's value, the target it must meet, and the reference it is
 * compared with. The ratio is median / reference median, or median / target when there is no reference.
 *
 * @param referenceName what the reference is, e.g. "KafkaClusterTestKit 4.3.1"; empty for none
 * @param reference the reference's runs; empty for none
 */
public record Figure(
        String name,
        String unit,
        List<Double> runs,
        double target,
        boolean higherIsBetter,
        String referenceName,
        List<Double> reference) {

    public Figure {
        runs = List.copyOf(runs);
        reference = List.copyOf(reference);
    }

    /** A figure whose median must be at most {@code target} (a time, a size). */
    public static Figure of(String name, String unit, List<Double> runs, double target) {
        return new Figure(name, unit, runs, target, false, "", List.of());
    }

    /** A figure whose median must be at least {@code target} (a throughput). */
    public static Figure atLeast(String name, String unit, List<Double> runs, double target) {
        return new Figure(name, unit, runs, target, true, "", List.of());
    }

    public Figure against(String referenceName, List<Double> reference) {
        return new Figure(name, unit, runs, target, higherIsBetter, referenceName, reference);
    }

    public double median() {
        return median(runs).orElse(Double.NaN);
    }

    public OptionalDouble referenceMedian() {
        return median(reference);
    }

    public boolean meetsTarget() {
        return higherIsBetter ? median() >= target : median() <= target;
    }

    /** Whether any run gave a value (a run that could not measure records NaN, and the median skips it). */
    public boolean measured() {
        return Double.isFinite(median());
    }

    /** Median over the reference when there is one, otherwise over the target. */
    public double ratio() {
        return median() / referenceMedian().orElse(target);
    }

    static OptionalDouble median(List<Double> values) {
        List<Double> sorted = values.stream().filter(Double::isFinite).sorted().toList();
        if (sorted.isEmpty()) {
            return OptionalDouble.empty();
        }
        int middle = sorted.size() / 2;
        return OptionalDouble.of(
                sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2);
    }
}
