package dev.streamlab.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/** JSON to and from a Java record, with Jackson. */
public final class JsonSerde {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonSerde() {}

    public static <T> Serde<T> of(Class<T> type) {
        // Readers and writers bound to the type once: no lookup per record.
        com.fasterxml.jackson.databind.ObjectReader reader = JSON.readerFor(type);
        com.fasterxml.jackson.databind.ObjectWriter writer = JSON.writerFor(type);
        Serializer<T> serializer = (topic, value) -> {
            try {
                return value == null ? null : writer.writeValueAsBytes(value);
            } catch (IOException e) {
                throw new SerializationException(
                        "Cannot write " + type.getSimpleName() + " as JSON: " + e.getMessage(), e);
            }
        };
        Deserializer<T> deserializer = (topic, bytes) -> {
            try {
                return bytes == null ? null : reader.readValue(bytes);
            } catch (IOException e) {
                throw new SerializationException(
                        "A record in " + topic + " is not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
