package dev.streamlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class ClassAccessTest {

    @Test
    void aCellsRefusalBecomesOneSentenceThatPointsToTheHelpers() {
        String output = "org.apache.kafka.common.errors.TopicAuthorizationException: Not authorized to access topics: [bob.orders]\n"
                + "\tat your code, line 3\n";
        assertThat(ClassAccess.explainOutput(output, "ana")).hasValue("Kafka's authorizer refused ana access to topic"
                + " bob.orders: in this class ana's names start with 'ana.', and other names belong to classmates or to the"
                + " cluster; the helpers producer(), consumer() and admin() put your names there for you.");
        assertThat(ClassAccess.explainOutput("java.lang.IllegalStateException: boom", "ana")).isEmpty();
        assertThat(ClassAccess.explainOutput("org.apache.kafka.common.errors.GroupAuthorizationException: Not authorized"
                + " to access group: team", "ana")).get().asString().contains("refused ana access to that consumer group");
    }

    @Test
    void kafkasOwnExceptionsAreWordedAndOthersAreLeftAlone() {
        assertThat(ClassAccess.explain(new RuntimeException(new TopicAuthorizationException(Set.of("b.x", "a.y"))), "c"))
                .get().asString().startsWith("Kafka's authorizer refused c access to topic a.y, b.x:");
        assertThat(ClassAccess.explain(new GroupAuthorizationException("no", "bob.g"), "ana")).get().asString()
                .contains("consumer group bob.g");
        assertThat(ClassAccess.explain(new IllegalStateException("other"), "ana")).isEmpty();
    }
}
