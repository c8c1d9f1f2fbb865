package dev.streamlab.catalog;

import java.util.Locale;

/**
 * How a learner names a lesson or a lab of the {@code NN-name} kind: by its number ({@code 5} or {@code 05}), its name
 * ({@code fraud-window}) or both ({@code 05-fraud-window}), in any case, with or without {@code .adoc}.
 */
public record NumberedName(String number, String name) {

    /** {@code 05-fraud-window} */
    public String id() {
        return number + "-" + name;
    }

    public boolean answersTo(String typed) {
        String t = typed.strip().toLowerCase(Locale.ROOT).replaceFirst("\\.adoc$", "");
        return t.equals(id()) || t.equals(number) || t.equals(name) || sameNumber(t);
    }

    /** {@code 5} for {@code 05}; digits only, and never too many to compare (no overflow on {@code 99999999999}). */
    private boolean sameNumber(String typed) {
        if (!typed.matches("\\d{1,9}") || !number.matches("\\d{1,9}")) {
            return false;
        }
        return Integer.parseInt(typed) == Integer.parseInt(number);
    }
}
