/**
 * What a lesson's Java cells see. Every cell starts with {@code import static dev.streamlab.learner.Kafka.*;}
 * and the Kafka client packages imported, so {@code producer()}, {@code consumer("g1")}, {@code send(...)}
 * and {@code print(...)} are at hand. It runs in the JVM that runs the learner's code (and can be used
 * from the shell's JVM too): keep it small, with no dependency beyond kafka-clients.
 */
package dev.streamlab.learner;
