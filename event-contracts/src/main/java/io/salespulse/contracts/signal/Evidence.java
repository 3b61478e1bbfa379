package io.salespulse.contracts.signal;

import java.math.BigDecimal;

/**
 * One figure behind a signal, e.g. {@code activityLast5Days = 12} against {@code threshold = 30}.
 *
 * @param name  what the figure is, a stable identifier templates translate
 * @param value its value
 */
public record Evidence(String name, BigDecimal value) {

    public static Evidence of(String name, long value) {
        return new Evidence(name, BigDecimal.valueOf(value));
    }

    public static Evidence of(String name, BigDecimal value) {
        return new Evidence(name, value);
    }
}
