package lab04.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamlab.grading.check.LearnerCode;

/** One record through the learner's transforms, in their JVM, as a Connect worker would run them; the result as data. */
final class Chain {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Chain() {
    }

    /** What came out, or null when the chain dropped the record. */
    static Out apply(LearnerCode learner, Map<String, Object> value) {
        Map<String, Object> args = new HashMap<>();
        args.put("value", value);
        JsonNode result = learner.call("apply", args);
        if (result.path("dropped").asBoolean(false)) {
            return null;
        }
        Object outValue = result.path("value").isNull() || result.path("value").isMissingNode() ? null
                : JSON.convertValue(result.path("value"), Object.class);
        Map<String, String> headers = new HashMap<>();
        for (JsonNode h : result.path("headers")) {
            headers.put(h.path("key").asText(), h.path("value").asText());
        }
        return new Out(outValue, headers);
    }

    /** A record's value and headers after the chain. */
    record Out(Object value, Map<String, String> headers) {
    }

    /** The positive case every check needs beside its own: a customer's gender removed and ip masked. */
    static void assertMasks(LearnerCode learner, Random random) {
        Map<String, Object> value = customer(random);
        String ip = (String) value.get("ip");
        Out out = apply(learner, value);
        org.junit.jupiter.api.Assertions.assertNotNull(out, "The chain dropped the record; it should only change it.");
        assertEquals(Map.of("user", value.get("user"), "ip", ip.substring(0, ip.lastIndexOf('.') + 1) + "XXX"), out.value(),
                "The value after the chain, for input " + value);
    }

    static String ip(Random random) {
        return random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
    }

    static String user(Random random) {
        return (char) ('a' + random.nextInt(26)) + "" + (char) ('a' + random.nextInt(26)) + (100 + random.nextInt(900));
    }

    static Map<String, Object> customer(Random random) {
        Map<String, Object> value = new HashMap<>();
        value.put("user", user(random));
        value.put("gender", random.nextBoolean() ? "female" : "male");
        value.put("ip", ip(random));
        return value;
    }
}
