package dev.streamlab.demodata;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the data sets shipped in {@code demo-data/}, always the same bytes for the same seed.
 *
 * <pre>
 * java -cp 'shell/target/streamlab.jar:shell/target/lib/*' dev.streamlab.demodata.DemoDataFiles demo-data
 * java -cp ... dev.streamlab.demodata.DemoDataFiles /tmp/big --attempts 100000
 * </pre>
 * The second form writes only a larger set of authorization attempts and its manifest.
 */
public final class DemoDataFiles {

    public static final long SEED = 20260302L;
    public static final String ORDERS = "orders.jsonl";
    public static final String CUSTOMER_EVENTS = "customer-events.jsonl";
    static final int ORDER_COUNT = 200;
    static final int CUSTOMER_EVENT_COUNT = 300;
    static final int LEGITIMATE_ATTEMPTS = 1_000;

    private DemoDataFiles() {}

    /** The shipped files, name to content. */
    public static Map<String, String> shipped() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(ORDERS, JsonLines.toText(Orders.generate(SEED, ORDER_COUNT)));
        files.put(CUSTOMER_EVENTS, JsonLines.toText(CustomerEvents.generate(SEED, CUSTOMER_EVENT_COUNT)));
        files.putAll(attemptFiles(LEGITIMATE_ATTEMPTS));
        return files;
    }

    /** Authorization attempts with about {@code legitimateAttempts} legitimate ones, and their manifest. */
    public static Map<String, String> attemptFiles(int legitimateAttempts) {
        AuthorizationAttempts.DataSet data = AuthorizationAttempts.generate(SEED, legitimateAttempts);
        Map<String, String> files = new LinkedHashMap<>();
        files.put(AuthorizationAttempts.FILE, JsonLines.toText(data.attempts()));
        files.put(AuthorizationAttempts.MANIFEST_FILE, manifestText(data.manifest()));
        return files;
    }

    static String manifestText(FraudManifest manifest) {
        try {
            return JsonLines.JSON
                            .writerWithDefaultPrettyPrinter()
                            .writeValueAsString(manifest)
                            .replace("\r\n", "\n") + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static FraudManifest readManifest(Path file) {
        try {
            return JsonLines.JSON.readValue(file.toFile(), FraudManifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    public static void write(Path directory, Map<String, String> files) throws IOException {
        Files.createDirectories(directory);
        for (var file : files.entrySet()) {
            Files.writeString(directory.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
    }

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args.length > 0 ? args[0] : "demo-data");
        if (args.length == 3 && args[1].equals("--attempts")) {
            write(directory, attemptFiles(Integer.parseInt(args[2])));
        } else if (args.length <= 1) {
            write(directory, shipped());
        } else {
            System.err.println("Usage: DemoDataFiles [DIRECTORY] [--attempts LEGITIMATE_ATTEMPTS]");
            System.exit(2);
        }
        System.err.println("Wrote demo data to " + directory.toAbsolutePath());
    }
}
