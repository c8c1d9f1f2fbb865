package dev.streamlab.demodata;

/** The Luhn check digit that card numbers end with, so made-up numbers still look valid to a validator. */
final class Luhn {

    private Luhn() {}

    static String withCheckDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return digits + (10 - sum % 10) % 10;
    }

    static boolean isValid(String number) {
        return withCheckDigit(number.substring(0, number.length() - 1)).equals(number);
    }
}
