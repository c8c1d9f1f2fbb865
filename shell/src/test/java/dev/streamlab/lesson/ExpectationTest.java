package dev.streamlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectationTest {

    @Test
    void readsEveryKind() {
        assertThat(Expectation.parse("output contains \"say \\\"hi\\\"\""))
                .isEqualTo(new Expectation.OutputContains("output contains \"say \\\"hi\\\"\"", "say \"hi\""));
        assertThat(Expectation.parse("output matches \"offset \\d+\"")).isInstanceOf(Expectation.OutputMatches.class);
        assertThat(Expectation.parse("fails with \"NotEnoughReplicas\"")).isInstanceOf(Expectation.FailsWith.class);
        assertThat(Expectation.parse("topic orders exists")).isInstanceOf(Expectation.TopicExists.class);
        assertThat(Expectation.parse("topic orders has at least 10 records"))
                .isEqualTo(new Expectation.TopicRecords(
                        "topic orders has at least 10 records", "orders", 10, Expectation.DEFAULT_DEADLINE));
        assertThat(Expectation.parse("partition 0 of orders has a new leader within 20s"))
                .isEqualTo(new Expectation.NewLeader(
                        "partition 0 of orders has a new leader within 20s", "orders", 0, Duration.ofSeconds(20)));
        Expectation.CommittedOffset committed =
                (Expectation.CommittedOffset) Expectation.parse("group g1 committed offset >= 10 on orders");
        assertThat(committed.group()).isEqualTo("g1");
        assertThat(committed.topic()).isEqualTo("orders");
        assertThat(committed.holdsFor(10)).isTrue();
        assertThat(committed.holdsFor(9)).isFalse();
    }

    @Test
    void aBrokenExpectationSaysWhatIsAllowed() {
        assertThatThrownBy(() -> Expectation.parse("group g1 is happy"))
                .hasMessageContaining("cannot read the expectation `group g1 is happy`")
                .hasMessageContaining("group G committed offset >= N");
        assertThatThrownBy(() -> Expectation.parse("output matches \"([\"")).hasMessageContaining("regular expression");
    }

    @Test
    void theCatalogueStoresAnExpectationAsItsTextAndReadsItBackAsTheSameObject() throws Exception {
        List<Expectation> written = List.of(
                Expectation.parse("output matches \"offset \\d+\""),
                Expectation.parse("fails with \"NotEnoughReplicas\""),
                Expectation.parse("group g1 committed offset >= 10 on orders within 30s"));
        ObjectMapper json = new ObjectMapper();

        String text = json.writeValueAsString(written);
        List<Expectation> read = json.readValue(text, new TypeReference<List<Expectation>>() {});

        assertThat(text)
                .isEqualTo("[\"output matches \\\"offset \\\\d+\\\"\",\"fails with \\\"NotEnoughReplicas\\\"\","
                        + "\"group g1 committed offset >= 10 on orders within 30s\"]");
        assertThat(read).isEqualTo(written);
        assertThat(read.get(1)).isInstanceOf(Expectation.FailsWith.class);
        assertThat(((Expectation.CommittedOffset) read.get(2)).within()).isEqualTo(Duration.ofSeconds(30));
    }
}
