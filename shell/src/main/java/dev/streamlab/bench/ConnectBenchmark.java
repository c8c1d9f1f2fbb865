package dev.streamlab.bench;

import dev.streamlab.cluster.EmbeddedCluster;
import dev.streamlab.connect.EmbeddedConnectWorker;
import dev.streamlab.connect.MaskIpAddress;
import dev.streamlab.connect.SmtPlayground;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Kafka Connect's figures (lesson 4): the worker ready in at most 5 s beside a running embedded cluster,
 * and the SMT playground applying a 4-transform chain to 1,000 records in at most 100 ms.
 */
public final class ConnectBenchmark implements Benchmark {

    @Override
    public String name() {
        return "Kafka Connect";
    }

    @Override
    public List<Figure> run(BenchContext context) {
        List<Double> workerStarts = new ArrayList<>();
        try (EmbeddedCluster cluster = EmbeddedCluster.builder().brokers(1).start()) {
            for (int run = 1; run <= context.runs(); run++) {
                context.listener().step("Connect worker start, run " + run + " of " + context.runs());
                long start = System.nanoTime();
                EmbeddedConnectWorker worker = EmbeddedConnectWorker.start(cluster);
                workerStarts.add((System.nanoTime() - start) / 1e9);
                worker.close();
            }
        }
        List<Double> playground = new ArrayList<>();
        List<Map<String, Object>> records = sampleRecords(1_000);
        for (int run = 1; run <= context.runs(); run++) {
            context.listener().step("SMT playground, run " + run + " of " + context.runs());
            long start = System.nanoTime();
            SmtPlayground.apply(fourTransforms(), "customers", records);
            playground.add((System.nanoTime() - start) / 1e6);
        }
        return List.of(
                Figure.of("Connect worker ready (embedded)", "s", workerStarts, 5.0),
                Figure.of("SMT playground: 4 transforms x 1,000 records", "ms", playground, 100));
    }

    static Map<String, String> fourTransforms() {
        Map<String, String> config = new HashMap<>();
        config.put("transforms", "dropPii,maskIp,origin,cast");
        config.put("transforms.dropPii.type", "org.apache.kafka.connect.transforms.ReplaceField$Value");
        config.put("transforms.dropPii.exclude", "gender,email");
        config.put("transforms.maskIp.type", MaskIpAddress.class.getName());
        config.put("transforms.origin.type", "org.apache.kafka.connect.transforms.InsertField$Value");
        config.put("transforms.origin.static.field", "origin");
        config.put("transforms.origin.static.value", "crm");
        config.put("transforms.cast.type", "org.apache.kafka.connect.transforms.Cast$Value");
        config.put("transforms.cast.spec", "age:int32");
        return config;
    }

    private static List<Map<String, Object>> sampleRecords(int count) {
        List<Map<String, Object>> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(Map.of(
                    "user",
                    "u" + i,
                    "gender",
                    i % 2 == 0 ? "female" : "male",
                    "ip",
                    "10.0." + (i % 256) + "." + (i % 200),
                    "email",
                    "u" + i + "@example.com",
                    "age",
                    String.valueOf(20 + i % 50)));
        }
        return records;
    }
}
