package dev.streamlab.sqlengine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The engine's side of the protocol: one JSON object per line on the real stdout, nothing else there. */
final class Replies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintStream out =
            new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);

    /** A reply to request {@code id} (0 for what the engine says by itself). Pairs of field name and value follow. */
    void send(long id, String type, Object... fields) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("id", id);
        reply.put("type", type);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            reply.put((String) fields[i], fields[i + 1]);
        }
        String line;
        try {
            line = JSON.writeValueAsString(reply);
        } catch (JsonProcessingException e) {
            line = "{\"id\":" + id + ",\"type\":\"error\",\"message\":\"The engine could not write its reply.\"}";
        }
        synchronized (out) {
            out.println(line);
        }
    }
}
