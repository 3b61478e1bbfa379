package io.salespulse.contracts;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount in one currency. Amounts in different currencies are never added together.
 *
 * @param amount   a decimal amount
 * @param currency an ISO 4217 code, e.g. {@code EUR}
 */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }
}
