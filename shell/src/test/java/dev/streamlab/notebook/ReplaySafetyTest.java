package dev.streamlab.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which declarations may run again after a restart: only those that cannot repeat what the learner's code did. */
class ReplaySafetyTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "var tp = new TopicPartition(\"orders\", 0);",
                "var producer = producer();",
                "var ricardo = consumer(\"ricardo\", Map.of(\"max.poll.records\", 3));",
                "var timeout = Duration.ofSeconds(5);",
                "List<String> pages = List.of(\"/home\", \"/menu\");",
                "var parts = \"a-b\".split(\"-\");",
                "Runnable later = () -> send(\"orders\", \"k\", \"v\");",
                "var task = new Runnable() { public void run() { send(\"orders\", \"k\", \"v\"); } };",
                "String empty;",
                "int[] counts = new int[10];"
            })
    void declarationsThatOnlyBuildValuesMayRunAgain(String declaration) {
        assertThat(ReplaySafety.isSafeToRunAgain(declaration)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "var md = send(\"orders\", \"alice\", \"latte\");",
                "var created = createTopic(\"orders\", 3);",
                "var records = consumer.poll(Duration.ofSeconds(1));",
                "var sent = producer().send(new ProducerRecord<>(\"orders\", \"k\", \"v\")).get();",
                "var file = java.nio.file.Files.writeString(path, \"x\");",
                "var n = pollAndPrint(reader, 10);",
                "var tp = new TopicPartition(topicName(), 0);",
                "var map = new HashMap<String, String>() {{ send(\"orders\", \"k\", \"v\"); }};",
                "var task = new Runnable() { final Object sent = send(\"orders\", \"k\", \"v\"); public void run() { } };",
                "var broken = (;"
            })
    void declarationsThatMayDoSomethingAgainDoNot(String declaration) {
        assertThat(ReplaySafety.isSafeToRunAgain(declaration)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void aConstructorOfTheLearnersOwnClassIsTheirCode() {
        assertThat(ReplaySafety.isSafeToRunAgain("var sender = new Sender();", java.util.Set.of("Sender")))
                .isFalse();
        assertThat(ReplaySafety.isSafeToRunAgain("var sender = new Sender();", java.util.Set.of()))
                .isTrue();
    }
}
