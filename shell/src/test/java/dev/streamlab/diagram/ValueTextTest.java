package dev.streamlab.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValueTextTest {

    @Test
    void aShortValueStaysWhole() {
        assertThat(ValueText.cut("x ==> 42", 20)).isEqualTo("x ==> 42");
    }

    @Test
    void aLongValueIsCutToTheWidthWithAnEllipsis() {
        assertThat(ValueText.cut("manifest ==> FraudManifest[" + "x".repeat(2000) + "]", 30))
                .isEqualTo("manifest ==> FraudManifest[xx…")
                .hasSize(30);
    }

    @Test
    void eachLineIsCutAndAtMostTwentyShow() {
        String value = ("y".repeat(50) + "\n").repeat(30).strip();
        String cut = ValueText.cut(value, 20);
        assertThat(cut.lines()).hasSize(21).last().isEqualTo("…");
        assertThat(cut.lines().limit(20)).allMatch(line -> line.equals("y".repeat(19) + "…"));
    }

    @Test
    void widthCountsCharactersNotUtf16Units() {
        assertThat(ValueText.cut("s ==> \"🙂🙂🙂🙂\"", 12)).isEqualTo("s ==> \"🙂🙂🙂🙂\"");
    }
}
