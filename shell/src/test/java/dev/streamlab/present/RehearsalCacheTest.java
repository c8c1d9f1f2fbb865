package dev.streamlab.present;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlab.cluster.PartitionState;
import dev.streamlab.diagram.GroupView;
import dev.streamlab.diagram.LogView;
import dev.streamlab.diagram.TopicView;
import dev.streamlab.diagram.TopologyView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RehearsalCacheTest {

    @TempDir
    Path temp;

    private static final GroupView.TopicPartition ORDERS_0 = new GroupView.TopicPartition("orders", 0);

    private static Recording everyKindOfView() {
        var log = new LogView(
                "orders",
                0,
                0,
                3,
                3,
                List.of(new LogView.Record(0, "alice", "latte"), new LogView.Record(1, "bob", "tea")),
                List.of(new LogView.Position("g1", 1)));
        var topic = new TopicView(
                "orders",
                List.of(new TopicView.Broker(1, true), new TopicView.Broker(2, false)),
                List.of(new PartitionState("orders", 0, 1, List.of(1, 2), List.of(1), 3, 3, 3)));
        var group = new GroupView(
                "g1",
                "Stable",
                List.of(new GroupView.Member("robin", List.of(ORDERS_0))),
                List.of(
                        new GroupView.PartitionOffset(ORDERS_0, OptionalLong.of(2), 3),
                        new GroupView.PartitionOffset(
                                new GroupView.TopicPartition("orders", 1), OptionalLong.empty(), 0)));
        var source = new TopologyView.Step(
                "KSTREAM-SOURCE-0000000000",
                TopologyView.Kind.SOURCE,
                List.of("authorization_attempts"),
                null,
                List.of(),
                List.of(),
                List.of("KSTREAM-AGGREGATE-0000000001"));
        var topology = new TopologyView(List.of(new TopologyView.Part(0, List.of(source))), List.of());
        return new Recording(
                null,
                Map.of(
                        12, new Recording.Shown("Created topic orders", true, null, List.of()),
                        30, new Recording.Shown("orders-0 offset 0", true, null, List.of(log, topic)),
                        44, new Recording.Shown("", true, null, List.of(group, topology))));
    }

    @Test
    void aLessonThatDidNotChangeGetsItsRecordingBackWithEveryView() throws Exception {
        Path lesson = Files.writeString(temp.resolve("01-the-log.adoc"), "= The log\n");
        RehearsalCache cache = RehearsalCache.at(temp.resolve("cache"));

        cache.keep(lesson, everyKindOfView());

        assertThat(cache.find(lesson)).contains(everyKindOfView());
        assertThat(RehearsalCache.at(temp.resolve("cache")).find(Files.copy(lesson, temp.resolve("copy.adoc"))))
                .as("the same lesson in another place")
                .contains(everyKindOfView());
        try (var files = Files.list(temp.resolve("cache"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("no half-written file")
                    .allMatch(n -> n.endsWith(".json") && !n.startsWith("partial-"));
        }
    }

    @Test
    void anEditedLessonIsRehearsedAgain() throws Exception {
        Path lesson = Files.writeString(temp.resolve("01-the-log.adoc"), "= The log\n");
        RehearsalCache cache = RehearsalCache.at(temp.resolve("cache"));
        cache.keep(lesson, everyKindOfView());

        Files.writeString(lesson, "= The log, edited\n");

        assertThat(cache.find(lesson)).isEmpty();
    }

    @Test
    void aRehearsalWithAFailedCellOrNoneIsNotKept() throws Exception {
        Path lesson = Files.writeString(temp.resolve("02.adoc"), "= Positions\n");
        RehearsalCache cache = RehearsalCache.at(temp.resolve("cache"));

        cache.keep(
                lesson, new Recording(null, Map.of(3, new Recording.Shown("boom", false, "an exception", List.of()))));
        cache.keep(lesson, Recording.none("no cluster"));

        assertThat(cache.find(lesson)).isEmpty();
    }

    @Test
    void aDamagedEntryIsAMissAndAnUnwritableFolderOnlySlower() throws Exception {
        Path lesson = Files.writeString(temp.resolve("03.adoc"), "= Replication\n");
        RehearsalCache cache = RehearsalCache.at(temp.resolve("cache"));
        cache.keep(lesson, everyKindOfView());
        try (var files = Files.list(temp.resolve("cache"))) {
            Files.writeString(files.findFirst().orElseThrow(), "{ not json");
        }
        assertThat(cache.find(lesson)).isEmpty();

        Path file = Files.writeString(temp.resolve("a-file"), "");
        RehearsalCache nowhere = RehearsalCache.at(file.resolve("cache"));
        nowhere.keep(lesson, everyKindOfView());
        assertThat(nowhere.find(lesson)).isEmpty();
    }
}
