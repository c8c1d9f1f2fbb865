package dev.streamlab.demodata;

import dev.streamlab.demodata.FraudManifest.FlaggedWindow;
import dev.streamlab.demodata.FraudManifest.NearMiss;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Card authorization attempts for lesson 5: legitimate traffic, planted fraud bursts, near misses
 * that must not be flagged, and events that arrive out of order or late. The attempts come in
 * arrival order (the order a producer sends them); each one's event time is in {@code timestamp}.
 *
 * <p>What is planted, and so exactly which cards the {@link FraudRule} flags, is returned as a
 * {@link FraudManifest}. Legitimate cards never have more than 3 attempts in a window, so they can
 * never be flagged, whatever arrives late.
 */
public final class AuthorizationAttempts {

    public static final String FILE = "authorization-attempts.jsonl";
    public static final String MANIFEST_FILE = "authorization-attempts.manifest.json";

    static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    static final Duration SPAN = Duration.ofHours(3);
    /** Planted windows keep this far from the start and the end, so late events and window closes fit in. */
    private static final Duration PLANTED_FROM = Duration.ofMinutes(15);

    private static final Duration PLANTED_UNTIL_END = Duration.ofMinutes(45);
    /** Other attempts of a planted card keep this far from its planted window. */
    private static final Duration QUIET_AROUND = Duration.ofMinutes(30);

    private static final String[] HOME_COUNTRIES = {"NL", "DE", "BE", "FR", "ES", "IT", "PL", "DK"};
    private static final String[] FAR_COUNTRIES = {"US", "GB", "SG", "CA", "AU", "BR"};
    private static final String[] SHOPS = {
        "Corner Grocer",
        "Fuel Stop",
        "City Rail",
        "Bookshop",
        "Pharmacy",
        "Coffee Bar",
        "Electronics Hub",
        "Fashion Outlet",
        "Streaming Plus",
        "Ride Share",
        "Bakery",
        "Hardware Store"
    };
    private static final String[] FRAUD_SHOPS = {
        "Gift Card Store", "Online Electronics", "Digital Vouchers", "Game Credits"
    };

    /** The attempts in arrival order, and what was planted in them. */
    public record DataSet(List<AuthorizationAttempt> attempts, FraudManifest manifest) {}

    private AuthorizationAttempts() {}

    /**
     * About {@code legitimateAttempts} legitimate attempts plus planted ones: 1 fraudulent card per
     * 100 legitimate attempts (at least 10) and 1 near miss of each kind per 500 (at least 2).
     */
    public static DataSet generate(long seed, int legitimateAttempts) {
        return new Generator(seed, legitimateAttempts).run();
    }

    /** One attempt before it gets its id: when it happened, and when it reaches Kafka. */
    private record Planned(
            Instant eventTime, Instant arrival, String card, BigDecimal amount, String merchant, String country) {}

    private static final class Generator {

        private final long seed;
        private final int legitimate;
        private final Random random;
        private final List<Planned> planned = new ArrayList<>();
        private final Map<String, String> homeCountry = new HashMap<>();
        private final Set<String> cards = new LinkedHashSet<>();
        private final List<FlaggedWindow> flagged = new ArrayList<>();
        private final List<NearMiss> nearMisses = new ArrayList<>();

        Generator(long seed, int legitimate) {
            this.seed = seed;
            this.legitimate = legitimate;
            this.random = new Random(seed);
        }

        DataSet run() {
            List<String> legitimateCards = newCards(Math.max(20, legitimate / 10));
            int fraudulent = Math.max(10, legitimate / 100);
            int nearMissesOfEachKind = Math.max(2, legitimate / 500);
            for (String card : newCards(fraudulent)) {
                plantFraud(card, flagged.size() % 3 == 1);
            }
            for (String card : newCards(nearMissesOfEachKind)) {
                plantExactlyThree(card);
            }
            for (String card : newCards(nearMissesOfEachKind)) {
                plantAcrossBoundary(card);
            }
            for (String card : newCards(nearMissesOfEachKind)) {
                plantTooLate(card);
            }
            addLegitimate(legitimateCards);

            List<Planned> inArrivalOrder = new ArrayList<>(planned);
            // A stable sort: attempts arriving in the same second keep the order they were made in.
            inArrivalOrder.sort(Comparator.comparing(Planned::arrival).thenComparing(Planned::eventTime));
            List<AuthorizationAttempt> attempts = new ArrayList<>();
            for (Planned p : inArrivalOrder) {
                attempts.add(new AuthorizationAttempt(
                        String.format("a-%06d", attempts.size() + 1),
                        p.card(),
                        p.amount(),
                        "EUR",
                        p.merchant(),
                        p.country(),
                        p.eventTime().toString()));
            }
            flagged.sort(Comparator.comparing(FlaggedWindow::windowStart).thenComparing(FlaggedWindow::cardNumber));
            var manifest = new FraudManifest(
                    FILE,
                    seed,
                    attempts.size(),
                    cards.size(),
                    FraudManifest.Rule.current(),
                    List.copyOf(flagged),
                    List.copyOf(nearMisses));
            return new DataSet(List.copyOf(attempts), manifest);
        }

        /**
         * 4 to 7 attempts within 2 minutes of one window: small "card testing" amounts, then a big one.
         * When {@code lastOneOutOfOrder}, the big one happens just before the window's end and arrives
         * just after it, within the grace period.
         */
        private void plantFraud(String card, boolean lastOneOutOfOrder) {
            Instant window = plantedWindow();
            Instant end = window.plus(FraudRule.WINDOW);
            int count = 4 + random.nextInt(4);
            String country = FAR_COUNTRIES[random.nextInt(FAR_COUNTRIES.length)];
            String merchant = FRAUD_SHOPS[random.nextInt(FRAUD_SHOPS.length)];
            // The burst starts early enough for 2 minutes of attempts to end before the window does.
            Instant burst = window.plusSeconds(random.nextInt(lastOneOutOfOrder ? 140 : 180));
            List<Long> offsets = distinctSeconds(lastOneOutOfOrder ? count - 1 : count, 120);
            for (int i = 0; i < offsets.size(); i++) {
                boolean big = !lastOneOutOfOrder && i == offsets.size() - 1;
                add(
                        burst.plusSeconds(offsets.get(i)),
                        smallDelay(),
                        card,
                        big ? bigAmount() : testingAmount(),
                        merchant,
                        country);
            }
            String note = "";
            if (lastOneOutOfOrder) {
                Instant eventTime = end.minusSeconds(5 + random.nextInt(21));
                Instant arrival = end.plusSeconds(20 + random.nextInt(26));
                add(eventTime, Duration.between(eventTime, arrival), card, bigAmount(), merchant, country);
                note = "the last attempt arrives after the window's end, within the grace period, so it counts";
            }
            addQuietAttempts(card, window);
            flagged.add(new FlaggedWindow(card, window.toString(), end.toString(), count, note));
        }

        private void plantExactlyThree(String card) {
            Instant window = plantedWindow();
            Instant burst = window.plusSeconds(random.nextInt(180));
            for (long offset : distinctSeconds(3, 120)) {
                add(burst.plusSeconds(offset), smallDelay(), card, testingAmount(), shop(), homeCountry.get(card));
            }
            addQuietAttempts(card, window);
            nearMisses.add(new NearMiss(card, "exactly-three", "3 attempts in one window: the rule wants more than 3"));
        }

        private void plantAcrossBoundary(String card) {
            Instant boundary = plantedWindow().plus(FraudRule.WINDOW);
            for (long offset : distinctSeconds(3, 70)) {
                add(
                        boundary.minusSeconds(70 - offset),
                        smallDelay(),
                        card,
                        testingAmount(),
                        shop(),
                        homeCountry.get(card));
            }
            for (long offset : distinctSeconds(2, 80)) {
                add(boundary.plusSeconds(offset), smallDelay(), card, testingAmount(), shop(), homeCountry.get(card));
            }
            addQuietAttempts(card, boundary.minus(FraudRule.WINDOW));
            addQuietAttempts(card, boundary);
            nearMisses.add(new NearMiss(
                    card,
                    "across-window-boundary",
                    "5 attempts within 2.5 minutes, but 3 fall in one window and 2 in the next:"
                            + " tumbling windows do not overlap"));
        }

        private void plantTooLate(String card) {
            Instant window = plantedWindow();
            for (long offset : distinctSeconds(3, 200)) {
                add(window.plusSeconds(offset), smallDelay(), card, testingAmount(), shop(), homeCountry.get(card));
            }
            Instant eventTime = window.plusSeconds(200 + random.nextInt(80));
            Instant arrival =
                    window.plus(FraudRule.WINDOW).plus(FraudRule.GRACE).plusSeconds(20 * 60 + random.nextInt(600));
            add(eventTime, Duration.between(eventTime, arrival), card, bigAmount(), shop(), homeCountry.get(card));
            addQuietAttempts(card, window);
            nearMisses.add(new NearMiss(
                    card,
                    "too-late",
                    "4 attempts in one window, but the 4th arrives over 20 minutes after the window closed"
                            + " (grace: 1 minute), so it is not counted"));
        }

        /** Legitimate attempts: any time, any card, never a 4th one for a card in one window. */
        private void addLegitimate(List<String> legitimateCards) {
            Map<String, Integer> perCardAndWindow = new HashMap<>();
            int added = 0;
            while (added < legitimate) {
                String card = legitimateCards.get(random.nextInt(legitimateCards.size()));
                Instant eventTime = START.plusSeconds(random.nextInt((int) SPAN.toSeconds()));
                String key = card + "@" + FraudRule.windowStart(eventTime);
                if (perCardAndWindow.getOrDefault(key, 0) == FraudRule.MORE_THAN) {
                    continue;
                }
                perCardAndWindow.merge(key, 1, Integer::sum);
                // 3 in 100 arrive late: a phone that was offline, a terminal that batches.
                Duration delay = random.nextInt(100) < 3 ? Duration.ofSeconds(30 + random.nextInt(870)) : smallDelay();
                boolean abroad = random.nextInt(20) == 0;
                add(
                        eventTime,
                        delay,
                        card,
                        everydayAmount(),
                        shop(),
                        abroad ? HOME_COUNTRIES[random.nextInt(HOME_COUNTRIES.length)] : homeCountry.get(card));
                added++;
            }
        }

        /** One or two everyday attempts of a planted card, well away from its planted window. */
        private void addQuietAttempts(String card, Instant window) {
            int count = random.nextInt(3);
            while (count > 0) {
                Instant eventTime = START.plusSeconds(random.nextInt((int) SPAN.toSeconds()));
                if (Duration.between(window, eventTime).abs().compareTo(QUIET_AROUND) >= 0) {
                    add(eventTime, smallDelay(), card, everydayAmount(), shop(), homeCountry.get(card));
                    count--;
                }
            }
        }

        private Instant plantedWindow() {
            long windows = (SPAN.toSeconds() - PLANTED_FROM.toSeconds() - PLANTED_UNTIL_END.toSeconds())
                    / FraudRule.WINDOW.toSeconds();
            return START.plus(PLANTED_FROM).plus(FraudRule.WINDOW.multipliedBy(random.nextInt((int) windows)));
        }

        private void add(
                Instant eventTime, Duration delay, String card, BigDecimal amount, String merchant, String country) {
            planned.add(new Planned(eventTime, eventTime.plus(delay), card, amount, merchant, country));
        }

        private List<String> newCards(int count) {
            List<String> made = new ArrayList<>();
            while (made.size() < count) {
                StringBuilder digits = new StringBuilder("400000");
                for (int i = 0; i < 9; i++) {
                    digits.append(random.nextInt(10));
                }
                String card = Luhn.withCheckDigit(digits.toString());
                if (cards.add(card)) {
                    made.add(card);
                    homeCountry.put(card, HOME_COUNTRIES[random.nextInt(HOME_COUNTRIES.length)]);
                }
            }
            return made;
        }

        /** {@code count} different whole seconds in [0, bound), ascending. */
        private List<Long> distinctSeconds(int count, int bound) {
            Set<Long> seconds = new java.util.TreeSet<>();
            while (seconds.size() < count) {
                seconds.add((long) random.nextInt(bound));
            }
            return List.copyOf(seconds);
        }

        private Duration smallDelay() {
            return Duration.ofSeconds(random.nextInt(4));
        }

        private String shop() {
            return SHOPS[random.nextInt(SHOPS.length)];
        }

        private BigDecimal testingAmount() {
            return BigDecimal.valueOf(100 + random.nextInt(400), 2);
        }

        private BigDecimal bigAmount() {
            return BigDecimal.valueOf(15_000 + random.nextInt(75_000), 2);
        }

        private BigDecimal everydayAmount() {
            return random.nextInt(10) < 7
                    ? BigDecimal.valueOf(200 + random.nextInt(5_800), 2)
                    : BigDecimal.valueOf(6_000 + random.nextInt(19_000), 2);
        }
    }
}
