package dev.streamlab.connect;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/** Reads the file line by line and hands Connect a batch of records every 100 ms, to keep the asked rate. */
public class DemoDataSourceTask extends SourceTask {

    private static final long BATCH_MILLIS = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path file;
    private String topic;
    private String keyField;
    private int perBatch;
    private BufferedReader reader;
    private long line;
    private long nextBatchAt;

    @Override
    public void start(Map<String, String> props) {
        AbstractConfig config = new AbstractConfig(DemoDataSourceConnector.CONFIG, props);
        file = Path.of(config.getString(DemoDataSourceConnector.FILE_CONFIG));
        topic = config.getString(DemoDataSourceConnector.TOPIC_CONFIG);
        keyField = config.getString(DemoDataSourceConnector.KEY_FIELD_CONFIG);
        perBatch = Math.max(1, (int) (config.getInt(DemoDataSourceConnector.RATE_CONFIG) * BATCH_MILLIS / 1000));
        Map<String, Object> offset = context.offsetStorageReader().offset(sourcePartition());
        long resumeAt = offset == null ? 0 : ((Number) offset.get("line")).longValue();
        try {
            reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            for (line = 0; line < resumeAt && reader.readLine() != null; line++) {
                // skip what was already sent
            }
        } catch (IOException e) {
            throw new ConnectException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        nextBatchAt = System.currentTimeMillis();
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        long wait = nextBatchAt - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        nextBatchAt += BATCH_MILLIS;
        List<SourceRecord> batch = new ArrayList<>(perBatch);
        try {
            String text;
            while (batch.size() < perBatch && (text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                Map<String, Object> value = JSON.readValue(text, new TypeReference<Map<String, Object>>() {});
                Object key = keyField.isEmpty() ? null : String.valueOf(value.get(keyField));
                batch.add(new SourceRecord(
                        sourcePartition(),
                        Map.of("line", line),
                        topic,
                        null,
                        key == null ? null : Schema.STRING_SCHEMA,
                        key,
                        null,
                        value));
            }
        } catch (IOException e) {
            throw new ConnectException(
                    "Line " + (line + 1) + " of " + file + " is not valid JSON: " + e.getMessage(), e);
        }
        return batch.isEmpty() ? null : batch;
    }

    private Map<String, String> sourcePartition() {
        return Map.of("file", file.toAbsolutePath().toString());
    }

    @Override
    public void stop() {
        try {
            if (reader != null) {
                reader.close();
            }
        } catch (IOException e) {
            // closing a file we only read
        }
    }

    @Override
    public String version() {
        return "1.0";
    }
}
