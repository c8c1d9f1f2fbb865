package dev.streamlab.demodata;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Orders placed in a small web shop over one day, by the same customers as {@link CustomerEvents}. */
public final class Orders {

    static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    static final Duration SPAN = Duration.ofHours(12);

    private record Item(String name, String price) {}

    private static final Item[] ITEMS = {
        new Item("coffee beans", "8.90"), new Item("espresso cups", "14.50"), new Item("milk frother", "29.95"),
        new Item("grinder", "64.00"), new Item("tea sampler", "12.25"), new Item("kettle", "39.99"),
        new Item("filter papers", "3.49"), new Item("travel mug", "17.00"), new Item("espresso machine", "349.00"),
        new Item("cocoa", "6.75")
    };

    private Orders() {}

    /** {@code count} orders in the order they were placed. */
    public static List<Order> generate(long seed, int count) {
        Random random = new Random(seed);
        List<Person> customers = Person.generate(random, 40);
        List<Long> seconds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            seconds.add((long) random.nextInt((int) SPAN.toSeconds()));
        }
        seconds.sort(null);
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // A few regulars place most orders, as in a real shop.
            int who = random.nextInt(3) == 0 ? random.nextInt(5) : random.nextInt(customers.size());
            Item item = ITEMS[random.nextInt(ITEMS.length)];
            int quantity = 1 + (random.nextInt(4) == 0 ? random.nextInt(3) : 0);
            BigDecimal amount = new BigDecimal(item.price()).multiply(BigDecimal.valueOf(quantity));
            orders.add(new Order(
                    String.format("o-%04d", i + 1),
                    customers.get(who).user(),
                    item.name(),
                    quantity,
                    amount,
                    "EUR",
                    START.plusSeconds(seconds.get(i)).toString()));
        }
        return orders;
    }
}
