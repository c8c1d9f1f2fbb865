package dev.streamlab.demodata;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;

/** An order in a small web shop: what lessons 1 and 2 write to and read from their first topic. */
@JsonPropertyOrder({"order_id", "customer", "item", "quantity", "amount", "currency", "placed_at"})
public record Order(
        String orderId,
        String customer,
        String item,
        int quantity,
        BigDecimal amount,
        String currency,
        String placedAt) {}
