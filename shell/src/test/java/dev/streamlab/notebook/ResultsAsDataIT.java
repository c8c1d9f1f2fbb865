package dev.streamlab.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlab.classroom.ClassAccess;
import dev.streamlab.cluster.Cluster;
import dev.streamlab.diagram.ValueText;
import dev.streamlab.lesson.Cell;
import dev.streamlab.lesson.Expectation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A cell's result is data: values whole, an exception by its type. The terminal's width never reaches the verdict,
 * and a failure's type is read, not found in text.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ResultsAsDataIT {

    /** No cluster is needed for these cells: it never starts. */
    private static Notebook notebook;

    @BeforeAll
    static void start() {
        notebook = new Notebook(new CompletableFuture<Cluster>(), Notebook.newJavaSession());
    }

    @AfterAll
    static void close() {
        notebook.close();
    }

    @Test
    void aLongValueIsJudgedWholeWhateverTheWidthItIsShownAt() {
        String end = "the end of a long text";
        Cell cell = new Cell(
                Cell.Kind.JAVA,
                "var story = \"x\".repeat(300) + \"" + end + "\";",
                1,
                List.of(new Expectation.OutputContains("output contains \"" + end + "\"", end)),
                2,
                List.of());

        CellResult result = notebook.run(cell);

        assertThat(result.passed()).as(result.output()).isTrue();
        assertThat(result.parts()).contains(new Part.Value("story", "String", "\"" + "x".repeat(300) + end + "\""));
        String narrow = result.output(value -> ValueText.shown(value.name(), value.text(), 40) + "\n");
        String wide = result.output(value -> ValueText.shown(value.name(), value.text(), 200) + "\n");
        assertThat(narrow)
                .as("a 40-column window shows the value cut")
                .doesNotContain(end)
                .contains("…");
        assertThat(wide)
                .as("so does a 200-column one")
                .doesNotContain(end)
                .contains("…")
                .isNotEqualTo(narrow);
        // The same cell again gives the same verdict: nothing of either rendering went back into the session.
        assertThat(notebook.run(cell).passed()).isTrue();
    }

    @Test
    void aKafkaRefusalWrappedInAnExecutionExceptionIsKnownByItsType() {
        CellResult result = notebook.runTyped("""
                throw new java.util.concurrent.ExecutionException("nothing to see here",
                        new org.apache.kafka.common.errors.TopicAuthorizationException(Set.of("kim.diary")));
                """);

        assertThat(result.outcome()).isEqualTo(JavaOutcome.EXCEPTION);
        Part.Failure failure = result.failure().orElseThrow();
        assertThat(failure.chain())
                .extracting(Part.Thrown::type)
                .containsExactly(
                        "java.util.concurrent.ExecutionException",
                        "org.apache.kafka.common.errors.TopicAuthorizationException");
        assertThat(failure.thrown().message()).isEqualTo("nothing to see here");
        Part.Thrown refusal = failure.find(AuthorizationException.class).orElseThrow();
        assertThat(refusal.type(null)).contains(TopicAuthorizationException.class);
        assertThat(ClassAccess.explainThrown(refusal.type(null).orElseThrow(), refusal.message(), "jo", false))
                .hasValue("Kafka's authorizer refused jo access to topic kim.diary: in this class jo's names start with"
                        + " 'jo.', and other names belong to classmates or to the cluster; the helpers producer(),"
                        + " consumer() and admin() put your names there for you.");
        assertThat(failure.trace()).last().asString().startsWith("your code, line ");
    }

    @Test
    void wordsInAMessageAreNotAType() {
        CellResult result = notebook.runTyped(
                "throw new IllegalStateException(\"org.apache.kafka.common.errors.TopicAuthorizationException: [kim.diary]\");");

        Part.Failure failure = result.failure().orElseThrow();
        assertThat(failure.find(AuthorizationException.class)).isEmpty();
        assertThat(failure.thrown().is(IllegalStateException.class)).isTrue();
        assertThat(failure.thrown().is(RuntimeException.class))
                .as("the shell knows the JDK's hierarchy")
                .isTrue();
    }

    @Test
    void aClassTheLearnerDeclaredIsKnownByItsNameOnly() {
        CellResult result = notebook.runTyped("class Oops extends RuntimeException { }\nthrow new Oops();");

        Part.Failure failure = result.failure().orElseThrow();
        assertThat(failure.thrown().simpleName()).isEqualTo("Oops");
        assertThat(failure.thrown().is(RuntimeException.class)).isFalse();
        assertThat(result.problem()).isEqualTo("Your code threw Oops.");
        assertThat(result.elapsed()).isGreaterThan(Duration.ZERO);
    }
}
