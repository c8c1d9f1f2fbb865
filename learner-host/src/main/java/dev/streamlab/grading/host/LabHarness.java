package dev.streamlab.grading.host;

import java.util.Map;

/**
 * A lab's adapter between the checks and the learner's code, compiled with the submission and run in the learner's JVM
 * ({@link LearnerHost}): it turns one request from the checks into calls of the learner's classes and returns plain
 * data (maps, lists, strings, numbers, booleans, null). It holds nothing the learner may not see; the checks judge
 * what it returns, and what they can observe on Kafka, from another process.
 */
public interface LabHarness {

    /** The class every lab's harness is compiled as (from {@code labs/NN-name/harness/}). */
    String CLASS_NAME = "streamlab.harness.Harness";

    Object call(String operation, Map<String, Object> arguments) throws Exception;
}
