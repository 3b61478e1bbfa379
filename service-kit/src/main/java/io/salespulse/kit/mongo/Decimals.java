package io.salespulse.kit.mongo;

import java.math.BigDecimal;
import java.math.MathContext;
import org.bson.types.Decimal128;

/**
 * Amounts and ratios in MongoDB: always {@link Decimal128} (exact, compared and summed as decimals by the server).
 * Reading also accepts what older versions stored (a double, a decimal string, an integer), so existing data reads
 * without a migration and is rewritten as {@code Decimal128} the next time it changes (docs/operations.md, "Stored
 * amounts").
 */
public final class Decimals {

    private Decimals() {}

    /** The stored form of a decimal ({@code null} stays {@code null}); beyond 34 digits it is rounded half-even. */
    public static Decimal128 bson(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal fitted =
                value.precision() > MathContext.DECIMAL128.getPrecision() ? value.round(MathContext.DECIMAL128) : value;
        return new Decimal128(fitted);
    }

    /** A stored decimal in any of the forms SalesPulse ever wrote, or {@code null}. */
    public static BigDecimal read(Object stored) {
        if (stored == null) {
            return null;
        }
        if (stored instanceof Decimal128 decimal) {
            return decimal.bigDecimalValue();
        }
        if (stored instanceof BigDecimal decimal) {
            return decimal;
        }
        if (stored instanceof Double || stored instanceof Float) {
            return BigDecimal.valueOf(((Number) stored).doubleValue());
        }
        if (stored instanceof Number number) {
            return BigDecimal.valueOf(number.longValue());
        }
        if (stored instanceof String text) {
            return new BigDecimal(text.trim());
        }
        throw new IllegalArgumentException(
                "not a stored decimal: " + stored.getClass().getSimpleName());
    }
}
