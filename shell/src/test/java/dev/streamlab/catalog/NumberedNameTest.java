package dev.streamlab.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One rule for naming a lesson or a lab, careless typing included. */
class NumberedNameTest {

    private final NumberedName lab = new NumberedName("05", "fraud-window");

    @Test
    void aNumberANameOrBothInAnyCase() {
        assertThat(lab.answersTo("05")).isTrue();
        assertThat(lab.answersTo("5")).isTrue();
        assertThat(lab.answersTo("005")).isTrue();
        assertThat(lab.answersTo(" Fraud-Window ")).isTrue();
        assertThat(lab.answersTo("05-fraud-window.adoc")).isTrue();
        assertThat(lab.answersTo("fraud")).isFalse();
        assertThat(lab.answersTo("6")).isFalse();
    }

    @Test
    void hugeOrOddNumbersAreNoMatchNotACrash() {
        assertThat(lab.answersTo("99999999999999999999")).isFalse();
        assertThat(lab.answersTo("-5")).isFalse();
        assertThat(lab.answersTo("")).isFalse();
        assertThat(lab.answersTo("٥")).as("a digit of another script").isFalse();
    }
}
