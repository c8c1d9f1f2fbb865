package dev.streamlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class ClassAccessTest {

    @Test
    void aCellsRefusalBecomesOneSentenceThatPointsToTheHelpers() {
        String output =
                "org.apache.kafka.common.errors.TopicAuthorizationException: Not authorized to access topics: [bob.orders]\n"
                        + "\tat your code, line 3\n";
        assertThat(ClassAccess.explainOutput(output, "ana"))
                .hasValue("Kafka's authorizer refused ana access to topic"
                        + " bob.orders: in this class ana's names start with 'ana.', and other names belong to classmates or to the"
                        + " cluster; the helpers producer(), consumer() and admin() put your names there for you.");
        assertThat(ClassAccess.explainOutput("java.lang.IllegalStateException: boom", "ana"))
                .isEmpty();
        assertThat(ClassAccess.explainOutput(
                        "org.apache.kafka.common.errors.GroupAuthorizationException: Not authorized"
                                + " to access group: team",
                        "ana"))
                .get()
                .asString()
                .contains("refused ana access to consumer group team:");
    }

    @Test
    void aKafkaStreamsAppsRefusalNamesTheApplicationIdAndTopicToUse() {
        String logged =
                "ERROR KafkaStreams - stream-client [shouter-1] Encountered the following exception during processing\n"
                        + "org.apache.kafka.common.errors.GroupAuthorizationException: Not authorized to access group: shouter\n"
                        + "\tat org.apache.kafka.streams.processor.internals.StreamThread.pollRequests(StreamThread.java:1234)\n";
        assertThat(ClassAccess.explainOutput(logged, "ana"))
                .hasValue("Kafka's authorizer refused ana access to consumer"
                        + " group shouter: in this class ana's names start with 'ana.', and other names belong to classmates or to"
                        + " the cluster; for Kafka Streams, streamsConfig(\"my-app\") puts the application id there (ana.my-app)"
                        + " and topic(\"orders\") a topic's name (ana.orders).");
    }

    @Test
    void anExceptionThrownWhereTheCellRanIsReadByItsClassNotByItsText() {
        assertThat(ClassAccess.explainThrown(
                        TopicAuthorizationException.class,
                        "Not authorized to access topics: [bob.orders]",
                        "ana",
                        false))
                .hasValue("Kafka's authorizer refused ana access to topic bob.orders: in this class ana's names"
                        + " start with 'ana.', and other names belong to classmates or to the cluster; the helpers producer(),"
                        + " consumer() and admin() put your names there for you.");
        assertThat(ClassAccess.explainThrown(
                        GroupAuthorizationException.class, "Not authorized to access group: shouter", "ana", true))
                .get()
                .asString()
                .contains("refused ana access to consumer group shouter:", "streamsConfig(");
        assertThat(ClassAccess.explainThrown(
                        org.apache.kafka.common.errors.ClusterAuthorizationException.class, "no", "ana", false))
                .get()
                .asString()
                .contains("refused ana access to the cluster's settings:");
        assertThat(ClassAccess.explainThrown(
                        IllegalStateException.class, "AuthorizationException: [bob.orders]", "ana", false))
                .as("only the type counts, not words in a message")
                .isEmpty();
    }

    @Test
    void kafkasOwnExceptionsAreWordedAndOthersAreLeftAlone() {
        assertThat(ClassAccess.explain(
                        new RuntimeException(new TopicAuthorizationException(Set.of("b.x", "a.y"))), "c"))
                .get()
                .asString()
                .startsWith("Kafka's authorizer refused c access to topic a.y, b.x:");
        assertThat(ClassAccess.explain(new GroupAuthorizationException("no", "bob.g"), "ana"))
                .get()
                .asString()
                .contains("consumer group bob.g");
        assertThat(ClassAccess.explain(new IllegalStateException("other"), "ana"))
                .isEmpty();
    }

    @Test
    void theClassLimitsReachTheLearnerAsOneSentence() {
        assertThat(ClassAccess.explainLimit(
                        org.apache.kafka.common.errors.PolicyViolationException.class,
                        "A topic may" + " have at most 12 partitions in this class, and ana.big asked for 1000."))
                .hasValue("A topic may have at most" + " 12 partitions in this class, and ana.big asked for 1000.");
        assertThat(ClassAccess.explainLimit(
                        org.apache.kafka.common.errors.TimeoutException.class,
                        "Expiring 1 record(s) for" + " ana.t-0: 120000 ms has passed"))
                .get()
                .asString()
                .startsWith("Kafka did not answer in time. The class" + " cluster slows down a learner");
        assertThat(ClassAccess.explainLimit(
                        org.apache.kafka.common.errors.ThrottlingQuotaExceededException.class,
                        "The throttling quota has been exceeded."))
                .get()
                .asString()
                .contains("wait a few seconds");
        assertThat(ClassAccess.explainLimit(ArithmeticException.class, "/ by zero"))
                .isEmpty();
        assertThat(ClassAccess.explain(
                        new RuntimeException(
                                new org.apache.kafka.common.errors.PolicyViolationException(
                                        "max.message.bytes may be at most 1048588 (about 1 MiB) in this class, not 104857600.")),
                        "ana"))
                .hasValue("max.message.bytes may be at most 1048588 (about 1 MiB) in this class, not 104857600.");
    }
}
