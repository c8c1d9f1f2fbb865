package dev.streamlab.demodata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The files in demo-data/ are exactly what the generators make from the seed. */
class ShippedDemoDataTest {

    static final Path DEMO_DATA = Path.of("..", "demo-data");

    @Test
    void regeneratingWithTheSeedGivesTheSameBytes() throws IOException {
        Map<String, String> generated = DemoDataFiles.shipped();

        assertThat(generated)
                .containsOnlyKeys(
                        DemoDataFiles.ORDERS,
                        DemoDataFiles.CUSTOMER_EVENTS,
                        AuthorizationAttempts.FILE,
                        AuthorizationAttempts.MANIFEST_FILE);
        for (var file : generated.entrySet()) {
            assertThat(Files.readAllBytes(DEMO_DATA.resolve(file.getKey())))
                    .as("%s differs from what the seed generates; regenerate with DemoDataFiles", file.getKey())
                    .isEqualTo(file.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void theShippedFilesStaySmall() throws IOException {
        long total = 0;
        for (String name : DemoDataFiles.shipped().keySet()) {
            total += Files.size(DEMO_DATA.resolve(name));
        }
        assertThat(total).isLessThan(300 * 1024);
    }

    @Test
    void anotherSeedGivesOtherData() {
        assertThat(Orders.generate(1, 50)).isEqualTo(Orders.generate(1, 50)).isNotEqualTo(Orders.generate(2, 50));
        assertThat(AuthorizationAttempts.generate(1, 300).attempts())
                .isNotEqualTo(AuthorizationAttempts.generate(2, 300).attempts());
    }

    @Test
    void customerEventsStartWithTheTalksExampleAndNameNoRealPerson() {
        List<CustomerEvent> events =
                JsonLines.read(DEMO_DATA.resolve(DemoDataFiles.CUSTOMER_EVENTS), CustomerEvent.class);

        CustomerEvent first = events.get(0);
        assertThat(List.of(first.user(), first.gender(), first.ip())).containsExactly("ab123", "female", "1.2.3.95");
        assertThat(events).hasSize(300).allSatisfy(e -> {
            assertThat(e.ip()).matches("1\\.2\\.3\\.95|(192\\.0\\.2|198\\.51\\.100|203\\.0\\.113)\\.\\d{1,3}");
            assertThat(e.email()).matches("[a-z.0-9]+@example\\.(com|org)");
            assertThat(e.amount()).matches("\\d+\\.\\d\\d");
        });
        assertThat(events).extracting(CustomerEvent::priority).contains("high", "normal");
        assertThat(events).extracting(CustomerEvent::action).contains("login", "view", "purchase", "support");
    }

    @Test
    void ordersAreInTheOrderTheyWerePlaced() {
        List<Order> orders = JsonLines.read(DEMO_DATA.resolve(DemoDataFiles.ORDERS), Order.class);

        assertThat(orders).hasSize(200).extracting(Order::placedAt).isSorted();
        assertThat(orders).allSatisfy(o -> assertThat(o.amount().scale()).isEqualTo(2));
    }

    @Test
    void cardNumbersAreSixteenDigitsWithAValidCheckDigit() {
        List<AuthorizationAttempt> attempts =
                JsonLines.read(DEMO_DATA.resolve(AuthorizationAttempts.FILE), AuthorizationAttempt.class);

        assertThat(attempts).allSatisfy(a -> {
            assertThat(a.cardNumber()).matches("4000\\d{12}");
            assertThat(Luhn.isValid(a.cardNumber())).as(a.cardNumber()).isTrue();
        });
        assertThat(Luhn.isValid("4111111111111111")).isTrue();
        assertThat(Luhn.isValid("4111111111111112")).isFalse();
    }
}
