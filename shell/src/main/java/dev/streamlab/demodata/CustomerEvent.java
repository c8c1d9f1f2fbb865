package dev.streamlab.demodata;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Something a customer did, carrying personal data (gender, ip, email) that lesson 4's transforms
 * remove or mask. {@code amount} is a string on purpose, for a Cast transform to turn into a number.
 */
@JsonPropertyOrder({"user", "gender", "ip", "email", "action", "priority", "amount", "timestamp"})
public record CustomerEvent(
        String user,
        String gender,
        String ip,
        String email,
        String action,
        String priority,
        String amount,
        String timestamp) {}
