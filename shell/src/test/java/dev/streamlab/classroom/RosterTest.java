package dev.streamlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamlab.cluster.SettingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosterTest {

    @Test
    void namesOneALineWithCommentsAndBlankLinesSkipped() {
        Roster roster = Roster.parse(List.of("# class of Tuesday", "ana", "", "  bob-2  # late", "c_3"), "roster.txt");
        assertThat(roster.learners()).containsExactly("ana", "bob-2", "c_3");
        assertThat(Roster.prefix("ana")).isEqualTo("ana.");
    }

    @Test
    void aDuplicateNamesBothLines() {
        assertThatThrownBy(() -> Roster.parse(List.of("ana", "bob", "ana"), "r.txt"))
                .isInstanceOf(SettingException.class)
                .hasMessage(
                        "The roster names 'ana' twice (r.txt line 3 and line 1). Give each learner one line, with a name"
                                + " of their own (ana2, ana-m).");
    }

    @Test
    void aDotWouldLetOnePrefixCoverAnother() {
        assertThatThrownBy(() -> Roster.parse(List.of("ana", "ana.b"), "r.txt"))
                .isInstanceOf(SettingException.class)
                .hasMessageContaining("'ana.b' (r.txt line 2) has a dot")
                .hasMessageContaining("could collide with another learner's")
                .hasMessageEndingWith("Leave dots out: ana-b.");
    }

    @Test
    void capitalsWouldMakeAnaAndAnaTwoLearners() {
        assertThatThrownBy(() -> Roster.parse(List.of("Ana"), "r.txt"))
                .hasMessageContaining("has capital letters")
                .hasMessageEndingWith("Write ana.");
    }

    @Test
    void otherBadNamesSayWhatANameIs() {
        for (String bad : List.of("1ana", "ana bob", "ana*", "x".repeat(33), "ana;rm", "émile")) {
            assertThatThrownBy(() -> Roster.parse(List.of(bad), "r.txt"))
                    .as(bad)
                    .isInstanceOf(SettingException.class)
                    .hasMessageContaining("is not a learner's name: use 1 to 32 lower-case letters");
        }
        assertThatThrownBy(() -> Roster.parse(List.of("admin"), "r.txt")).hasMessageContaining("keeps for itself");
        // Its prefix would own every classmate's progress topic, streamlab-progress.NAME.
        assertThatThrownBy(() -> Roster.parse(List.of("streamlab-progress"), "r.txt"))
                .hasMessageContaining("keeps for itself");
    }

    @Test
    void anEmptyOrMissingRosterIsRefused(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> Roster.parse(List.of("# nobody", ""), "r.txt"))
                .hasMessageContaining("names no learner");
        assertThatThrownBy(() -> Roster.read(dir.resolve("missing.txt")))
                .hasMessageContaining("Cannot read the roster")
                .hasMessageContaining("--roster");
        Path binary = dir.resolve("roster.bin");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertThatThrownBy(() -> Roster.read(binary)).hasMessageContaining("is not UTF-8 text");
    }
}
