package dev.streamlab.sqlengine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaTableOptionsTest {

    private static final Map<String, String> SECURE = Map.of(
            "bootstrap.servers", "127.0.0.1:9092",
            "security.protocol", "SASL_PLAINTEXT",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"ana\" password=\"x\";");

    @Test
    void aKafkaTableGetsTheClustersAddressAndSecurityWithKafkasLoginModuleUnderTheShadedName() {
        Map<String, String> options = new KafkaTableOptions(SECURE, "", false)
                .complete("attempts", Map.of("connector", "kafka", "topic", "authorization_attempts"));
        assertThat(options)
                .containsEntry("properties.bootstrap.servers", "127.0.0.1:9092")
                .containsEntry("properties.security.protocol", "SASL_PLAINTEXT")
                .containsEntry("topic", "authorization_attempts")
                .doesNotContainKey("properties.group.id")
                .doesNotContainKey("scan.bounded.mode");
        assertThat(options.get("properties.sasl.jaas.config"))
                .startsWith(
                        "org.apache.flink.kafka.shaded.org.apache.kafka.common.security.scram.ScramLoginModule required");
    }

    @Test
    void whatTheLearnerWroteWinsExceptNamesOutsideTheirPrefixInAClass() {
        Map<String, String> options = new KafkaTableOptions(SECURE, "ana.", false)
                .complete(
                        "attempts",
                        Map.of(
                                "connector",
                                "kafka",
                                "topic",
                                "bob.orders;payments",
                                "properties.bootstrap.servers",
                                "elsewhere:9092",
                                "properties.group.id",
                                "bob.readers"));
        assertThat(options)
                .containsEntry("properties.bootstrap.servers", "elsewhere:9092")
                .containsEntry("topic", "ana.bob.orders;ana.payments")
                .containsEntry("properties.group.id", "ana.bob.readers");
        assertThat(new KafkaTableOptions(SECURE, "ana.", false)
                        .complete("attempts", Map.of("connector", "kafka", "topic", "ana.orders")))
                .containsEntry("topic", "ana.orders")
                .containsEntry("properties.group.id", "ana.sql-attempts");
        assertThat(new KafkaTableOptions(SECURE, "ana.", false)
                        .complete("all", Map.of("connector", "kafka", "topic-pattern", ".*")))
                .containsEntry("topic-pattern", "\\Qana.\\E(?:.*)");
    }

    @Test
    void aPatternThatCouldCloseThePrefixsGroupIsRefusedAndTransactionsArePrefixed() {
        KafkaTableOptions ana = new KafkaTableOptions(SECURE, "ana.", false);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ana.complete("t", Map.of("connector", "kafka", "topic-pattern", "x)|(.*")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'topic-pattern' is not a regular expression");
        assertThat(ana.complete(
                        "t", Map.of("connector", "kafka", "topic", "t", "sink.transactional-id-prefix", "fraud")))
                .containsEntry("sink.transactional-id-prefix", "ana.fraud");
    }

    @Test
    void optionsCompletedTwiceAreCompletedOnceAndAWrappedLookingPatternThatEscapesIsWrappedAgain() {
        // At CREATE TABLE and again where Flink makes the table (LessonConnectors): the second pass changes nothing.
        KafkaTableOptions ana = new KafkaTableOptions(SECURE, "ana.", false);
        Map<String, String> once = ana.complete(
                "t",
                Map.of("connector", "kafka", "topic-pattern", "orders-.*", "sink.transactional-id-prefix", "fraud"));
        assertThat(ana.complete("t", once)).isEqualTo(once);
        // Looks wrapped, but its "group" closes early: the whole is wrapped, so it still matches only ana.'s topics.
        String escaping = "\\Qana.\\E(?:x)|(?:.*)";
        assertThat(ana.complete("t", Map.of("connector", "kafka", "topic-pattern", escaping)))
                .containsEntry("topic-pattern", "\\Qana.\\E(?:" + escaping + ")");
        assertThat(java.util.regex.Pattern.matches(
                        ana.complete("t", Map.of("connector", "kafka", "topic-pattern", escaping))
                                .get("topic-pattern"),
                        "bob.secrets"))
                .isFalse();
    }

    @Test
    void onlyTheLessonsConnectorsAreAllowed() {
        assertThat(LessonConnectors.refusal(Map.of("connector", "kafka"))).isEmpty();
        assertThat(LessonConnectors.refusal(Map.of("connector", "datagen"))).isEmpty();
        assertThat(LessonConnectors.refusal(Map.of("connector", "filesystem", "path", "/etc")))
                .hasValueSatisfying(
                        why -> assertThat(why).startsWith("The connector 'filesystem' is not available here"));
        assertThat(LessonConnectors.refusal(Map.of()))
                .hasValueSatisfying(why -> assertThat(why).startsWith("A table needs a 'connector' here"));
    }

    @Test
    void aHeadlessRunReadsUpToTheEndAndOtherConnectorsAreLeftAlone() {
        assertThat(new KafkaTableOptions(SECURE, "", true).complete("t", Map.of("connector", "kafka", "topic", "t")))
                .containsEntry("scan.bounded.mode", "latest-offset");
        Map<String, String> datagen = Map.of("connector", "datagen");
        assertThat(new KafkaTableOptions(SECURE, "ana.", true).complete("t", datagen))
                .isEqualTo(datagen);
    }

    @Test
    void errorLinesNameThePositionOrTheDeepestCause() {
        Exception parse = new RuntimeException(
                "SQL parse failed. Encountered \"FORM\" at line 2, column 3.\nWas expecting one of:\n  ...",
                new IllegalStateException("deep"));
        assertThat(ErrorLine.of(parse)).isEqualTo("SQL parse failed. Encountered \"FORM\" at line 2, column 3.");
        Exception planner = new RuntimeException(
                "Could not execute the plan",
                new IllegalArgumentException(
                        "The window function requires the timecol is a time attribute type, but is TIMESTAMP_LTZ(3).\nmore"));
        assertThat(ErrorLine.of(planner))
                .isEqualTo(
                        "The window function requires the timecol is a time attribute type, but is TIMESTAMP_LTZ(3).");
        assertThat(ErrorLine.of(new NullPointerException())).isEqualTo("NullPointerException");
    }
}
