package dev.streamlab.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlab.terminal.Styles;
import org.junit.jupiter.api.Test;

class WrapWordsTest {

    private static final ProseRenderer PROSE = new ProseRenderer(new Styles(false), 80);

    @Test
    void breaksBetweenWordsAtTheWidth() {
        String message = "✗ Your code ended its Java process (exit code 1). The shell and the cluster are fine.";

        assertThat(PROSE.wrapPlain(message, 40).lines().toList())
                .containsExactly(
                        "✗ Your code ended its Java process (exit", "code 1). The shell and the cluster are", "fine.");
    }

    @Test
    void keepsItsOwnLineBreaksAndShortLines() {
        assertThat(PROSE.wrapPlain("one\ntwo three", 40)).isEqualTo("one\ntwo three");
        assertThat(PROSE.wrapPlain("a-very-long-word-that-cannot-be-broken-anywhere at all", 20))
                .isEqualTo("a-very-long-word-that-cannot-be-broken-anywhere\nat all");
    }
}
