package dev.streamlab.demodata;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What customers did on the shop's site, with their personal data in every event. The first event
 * is the talk's example customer, ab123, logging in.
 */
public final class CustomerEvents {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    static final Duration SPAN = Duration.ofHours(2);
    /** Purchases above this amount are high priority, like every support request. */
    static final BigDecimal HIGH_PRIORITY_AMOUNT = new BigDecimal("100.00");

    private CustomerEvents() {}

    /** {@code count} events in the order they happened. */
    public static List<CustomerEvent> generate(long seed, int count) {
        Random random = new Random(seed);
        List<Person> people = Person.generate(random, 40);
        List<Long> seconds = new ArrayList<>();
        seconds.add(0L);
        for (int i = 1; i < count; i++) {
            seconds.add(1L + random.nextInt((int) SPAN.toSeconds() - 1));
        }
        seconds.sort(null);
        List<CustomerEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Person person = i == 0 ? Person.TALK_EXAMPLE : people.get(random.nextInt(people.size()));
            int roll = random.nextInt(10);
            String action =
                    i == 0 ? "login" : roll < 5 ? "view" : roll < 7 ? "login" : roll < 9 ? "purchase" : "support";
            BigDecimal amount = action.equals("purchase")
                    ? BigDecimal.valueOf(199 + random.nextInt(40_000), 2)
                    : new BigDecimal("0.00");
            boolean high = action.equals("support") || amount.compareTo(HIGH_PRIORITY_AMOUNT) > 0;
            events.add(new CustomerEvent(
                    person.user(),
                    person.gender(),
                    person.ip(),
                    person.email(),
                    action,
                    high ? "high" : "normal",
                    amount.toPlainString(),
                    START.plusSeconds(seconds.get(i)).toString()));
        }
        return events;
    }
}
