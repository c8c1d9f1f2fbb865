package dev.streamlab.connect;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

/** Appends values as JSON lines; Connect commits offsets only after {@link #flush} wrote them out. */
public class JsonLinesSinkTask extends SinkTask {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Path file;
    private BufferedWriter writer;

    @Override
    public void start(Map<String, String> props) {
        file = Path.of(
                new AbstractConfig(JsonLinesSinkConnector.CONFIG, props).getString(JsonLinesSinkConnector.FILE_CONFIG));
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            writer = Files.newBufferedWriter(
                    file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new ConnectException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        try {
            for (SinkRecord record : records) {
                writer.write(JSON.writeValueAsString(record.value()));
                writer.newLine();
            }
        } catch (IOException e) {
            throw new ConnectException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void flush(Map<TopicPartition, OffsetAndMetadata> offsets) {
        try {
            writer.flush();
        } catch (IOException e) {
            throw new ConnectException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        try {
            if (writer != null) {
                writer.close();
            }
        } catch (IOException e) {
            throw new ConnectException("Cannot finish writing " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String version() {
        return "1.0";
    }
}
