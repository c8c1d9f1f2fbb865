package dev.streamlab.cli;

import dev.streamlab.classroom.ClassAdmin;
import dev.streamlab.classroom.LearnerQuota;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code streamlab class list}: every learner on the cluster, their prefix, ACLs, quotas and topics. */
@Command(
        name = "list",
        description = {
            "Show every learner of a class on the cluster: ACLs, quotas and topics.",
            "Quotas are Kafka's, per broker: produce and fetch bytes per second, share of a request thread, partitions"
                    + " created or deleted per second."
        })
public final class ClassListCommand implements Callable<Integer> {

    @Mixin
    ClassClusterOptions cluster;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Output output = Output.of(spec);
        try (ClassAdmin admin = cluster.connect()) {
            List<ClassAdmin.Member> members = admin.list();
            if (members.isEmpty()) {
                output.progress(
                        "No learners on " + cluster.bootstrapServer + ". Make a class with 'streamlab class create'.");
                return ExitCode.OK;
            }
            Map<String, LearnerQuota> quotas = admin.quotas();
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("learner", "ACLs", "produce", "fetch", "requests", "partitions", "topics"));
            for (ClassAdmin.Member m : members) {
                LearnerQuota q = quotas.getOrDefault(m.learner(), LearnerQuota.NONE);
                rows.add(List.of(
                        m.learner(),
                        String.valueOf(m.acls()),
                        bytesPerSecond(q.produceBytesPerSecond()),
                        bytesPerSecond(q.fetchBytesPerSecond()),
                        value(q.requestPercentage(), " %"),
                        value(q.partitionMutationsPerSecond(), "/s"),
                        m.topics().isEmpty() ? "-" : String.join(", ", m.topics())));
            }
            columns(rows).forEach(output::result);
        }
        return ExitCode.OK;
    }

    /** Rows as lines, each column as wide as its widest cell, two spaces apart; the last column is not padded. */
    static List<String> columns(List<List<String>> rows) {
        int[] widths = new int[rows.get(0).size()];
        rows.forEach(r -> {
            for (int i = 0; i < r.size(); i++) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        });
        return rows.stream()
                .map(r -> {
                    StringBuilder line = new StringBuilder();
                    for (int i = 0; i < r.size(); i++) {
                        line.append(i == r.size() - 1 ? r.get(i) : String.format("%-" + widths[i] + "s  ", r.get(i)));
                    }
                    return line.toString();
                })
                .toList();
    }

    static String bytesPerSecond(Double rate) {
        if (rate == null) {
            return "none";
        }
        double mib = rate / (1024 * 1024);
        double kib = rate / 1024;
        return mib >= 1 && mib == Math.rint(mib)
                ? number(mib) + " MiB/s"
                : kib >= 1 && kib == Math.rint(kib) ? number(kib) + " KiB/s" : number(rate) + " B/s";
    }

    private static String value(Double v, String unit) {
        return v == null ? "none" : number(v) + unit;
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
