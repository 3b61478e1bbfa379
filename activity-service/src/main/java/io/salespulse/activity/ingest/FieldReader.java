package io.salespulse.activity.ingest;

import io.salespulse.kit.web.Bounded;
import io.salespulse.kit.web.FieldProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Reads typed fields out of a JSON object, collecting a {@link FieldProblem} (with the field's full path) for each
 * missing, malformed or out-of-bounds one instead of stopping at the first, so a caller learns everything wrong at
 * once. The bounds every entrance shares: ids and names at most {@value #MAX_TEXT} characters without control
 * characters, free text at most {@value #MAX_FREE_TEXT}, amounts from 0 to 10^12 with at most 4 decimals, currencies
 * that ISO 4217 knows.
 */
public final class FieldReader {

    public static final int MAX_TEXT = Bounded.MAX_LENGTH;
    public static final int MAX_FREE_TEXT = 2000;
    /** The longest call SalesPulse counts (a day): a longer one is a unit or typing mistake. */
    public static final int MAX_CALL_SECONDS = 24 * 3600;

    static final BigDecimal MAX_AMOUNT = BigDecimal.TEN.pow(12);
    static final int MAX_DECIMALS = 4;
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .collect(Collectors.toUnmodifiableSet());

    private final JsonNode node;
    private final String path;
    private final List<FieldProblem> problems;

    public FieldReader(JsonNode node, String path, List<FieldProblem> problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    private String at(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** Whether the field is there at all (even as {@code null}: a field sent as null clears a value). */
    public boolean has(String field) {
        return node != null && node.has(field);
    }

    private JsonNode value(String field, boolean required) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null
                || value.isNull()
                || (value.isString() && value.asString().isBlank())) {
            if (required) {
                problems.add(new FieldProblem(at(field), "is required"));
            }
            return null;
        }
        return value;
    }

    /** An id or a name: at most {@value #MAX_TEXT} characters, no control characters. */
    public String text(String field, boolean required) {
        return text(field, required, MAX_TEXT, false);
    }

    /** Free text (a reason, a note): at most {@value #MAX_FREE_TEXT} characters; line breaks and tabs allowed. */
    public String freeText(String field, boolean required) {
        return text(field, required, MAX_FREE_TEXT, true);
    }

    private String text(String field, boolean required, int max, boolean lines) {
        JsonNode value = value(field, required);
        if (value == null) {
            return null;
        }
        if (!value.isString() && !value.isNumber()) {
            problems.add(new FieldProblem(at(field), "must be a string"));
            return null;
        }
        String text = value.asString();
        String problem = textProblem(text, max, lines);
        if (problem != null) {
            problems.add(new FieldProblem(at(field), problem));
            return null;
        }
        return text;
    }

    /** What is wrong with a text for its bounds, or {@code null}. */
    public static String textProblem(String text, int max, boolean lines) {
        if (text == null) {
            return null;
        }
        if (text.length() > max) {
            return "must be at most " + max + " characters";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && !(lines && (c == '\n' || c == '\r' || c == '\t'))) {
                return "must not contain control characters";
            }
        }
        return null;
    }

    public <E extends Enum<E>> E enumValue(String field, Class<E> type, boolean required) {
        String text = text(field, required);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(at(field), "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    public Instant instant(String field, boolean required) {
        String text = text(field, required);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(
                    at(field), "must be an RFC 3339 timestamp with an offset, e.g. 2026-11-24T09:15:00Z"));
            return null;
        }
    }

    public LocalDate date(String field, boolean required) {
        String text = text(field, required);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(at(field), "must be a date, e.g. 2026-11-30"));
            return null;
        }
    }

    /** A whole number from 0 to {@code max}. */
    public Integer boundedInt(String field, boolean required, int max) {
        JsonNode value = value(field, required);
        if (value == null) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 0 || value.asInt() > max) {
            problems.add(new FieldProblem(at(field), "must be a whole number from 0 to " + max));
            return null;
        }
        return value.asInt();
    }

    public BigDecimal positiveDecimal(String field, boolean required) {
        return decimal(field, required, true);
    }

    public BigDecimal nonNegativeDecimal(String field, boolean required) {
        return decimal(field, required, false);
    }

    private BigDecimal decimal(String field, boolean required, boolean strictlyPositive) {
        JsonNode value = value(field, required);
        if (value == null) {
            return null;
        }
        BigDecimal number;
        try {
            if (value.isNumber()
                    ? !Double.isFinite(value.doubleValue()) && !value.isBigDecimal() && !value.isBigInteger()
                    : !value.isString()) {
                throw new NumberFormatException("not a finite number");
            }
            number = value.isNumber()
                    ? value.decimalValue()
                    : new BigDecimal(value.asString().trim());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(at(field), "must be a decimal number"));
            return null;
        }
        if (strictlyPositive ? number.signum() <= 0 : number.signum() < 0) {
            problems.add(new FieldProblem(at(field), strictlyPositive ? "must be more than 0" : "must be 0 or more"));
            return null;
        }
        String problem = amountProblem(number);
        if (problem != null) {
            problems.add(new FieldProblem(at(field), problem));
            return null;
        }
        return number;
    }

    /** What is wrong with an amount for its bounds (at most 10^12, at most 4 decimals), or {@code null}. */
    public static String amountProblem(BigDecimal amount) {
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            return "must be at most 1000000000000";
        }
        if (amount.stripTrailingZeros().scale() > MAX_DECIMALS) {
            return "must have at most " + MAX_DECIMALS + " decimals";
        }
        return null;
    }

    public String currency(String field, boolean required) {
        String text = text(field, required);
        if (text != null && !CURRENCIES.contains(text)) {
            problems.add(new FieldProblem(at(field), "must be an ISO 4217 currency code such as EUR"));
            return null;
        }
        return text;
    }

    /** Adds the window's problem with a time, if any; returns the time when it is inside, else {@code null}. */
    public Instant within(String field, Instant time, TimeWindow window) {
        return keep(field, time, time == null ? null : window.problem(time));
    }

    /** A planned time (a meeting's start) inside the window's plans, else {@code null} with the problem added. */
    public Instant planned(String field, Instant time, TimeWindow window) {
        return keep(field, time, time == null ? null : window.plannedProblem(time));
    }

    /** A planned day (a close date, an objective's days) inside the window's plans, else {@code null} with the problem added. */
    public LocalDate planned(String field, LocalDate day, TimeWindow window) {
        return keep(field, day, day == null ? null : window.plannedDayProblem(day));
    }

    private <T> T keep(String field, T value, String problem) {
        if (problem != null) {
            problems.add(new FieldProblem(at(field), problem));
            return null;
        }
        return value;
    }

    public void problem(String field, String message) {
        problems.add(new FieldProblem(at(field), message));
    }
}
