package dev.streamlab.grading.host;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The main class of the learner's JVM. Reads one request per line on stdin ({@code {"op": ..., "args": {...}}}),
 * lets the lab's {@link LabHarness} call the learner's code, and writes one reply per line on the original stdout
 * ({@code {"ok": true, "result": ...}} or {@code {"ok": false, "error": ...}}). {@code System.out} becomes stderr
 * first, so what the learner's code prints is the log, not a reply. Everything here is the learner's to read and
 * change: the checks believe nothing of it but the data they judge.
 */
public final class LearnerHost {

    private LearnerHost() {}

    public static void main(String[] args) throws Exception {
        Writer replies = new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8);
        System.setOut(System.err);
        ObjectMapper json = new ObjectMapper();
        LabHarness harness;
        try {
            harness = (LabHarness) Class.forName(LabHarness.CLASS_NAME)
                    .getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            reply(replies, json, Map.of("ok", false, "error", "The lab's harness cannot start: " + describe(e)));
            return;
        }
        // Ready: the checks' time limit for each call starts now, not while this JVM started.
        reply(replies, json, Map.of("ready", true));
        BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = requests.readLine(); line != null; line = requests.readLine()) {
            Map<String, Object> reply = new LinkedHashMap<>();
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> request = json.readValue(line, Map.class);
                @SuppressWarnings("unchecked")
                Map<String, Object> arguments = (Map<String, Object>) request.getOrDefault("args", Map.of());
                Object result = harness.call(String.valueOf(request.get("op")), arguments);
                reply.put("ok", true);
                reply.put("result", result);
            } catch (Throwable t) {
                reply.put("ok", false);
                reply.put("error", describe(t));
            }
            reply(replies, json, reply);
        }
    }

    private static void reply(Writer replies, ObjectMapper json, Map<String, Object> reply) throws Exception {
        String text;
        try {
            text = json.writeValueAsString(reply);
        } catch (Exception e) {
            text = json.writeValueAsString(
                    Map.of("ok", false, "error", "The result cannot be sent to the checks: " + describe(e)));
        }
        replies.write(text);
        replies.write('\n');
        replies.flush();
    }

    /** The learner's exception as a learner reads it: its class and message, and where in their code it came from. */
    static String describe(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof InvocationTargetException || cause instanceof ExceptionInInitializerError)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        String text = cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
        for (StackTraceElement frame : cause.getStackTrace()) {
            String type = frame.getClassName();
            if (!type.startsWith("java.")
                    && !type.startsWith("jdk.")
                    && !type.startsWith("sun.")
                    && !type.startsWith("org.apache.")
                    && !type.startsWith("dev.streamlab.")
                    && !type.startsWith("streamlab.harness.")
                    && !type.startsWith("com.fasterxml.")) {
                return text + " (at " + frame.getFileName() + ":" + frame.getLineNumber() + ")";
            }
        }
        return text;
    }
}
