package io.salespulse.activity.ingest;

import io.salespulse.kit.web.FieldProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads typed fields out of a JSON object, collecting a {@link FieldProblem} (with the field's full path) for each
 * missing or malformed one instead of stopping at the first, so a caller learns everything wrong at once.
 */
public final class FieldReader {

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

    private JsonNode value(String field, boolean required) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || (value.isString() && value.asString().isBlank())) {
            if (required) {
                problems.add(new FieldProblem(at(field), "is required"));
            }
            return null;
        }
        return value;
    }

    public String text(String field, boolean required) {
        JsonNode value = value(field, required);
        if (value == null) {
            return null;
        }
        if (value.isString() || value.isNumber()) {
            return value.asString();
        }
        problems.add(new FieldProblem(at(field), "must be a string"));
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
            problems.add(new FieldProblem(at(field), "must be an RFC 3339 timestamp with an offset, e.g. 2026-11-24T09:15:00Z"));
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

    public Integer nonNegativeInt(String field, boolean required) {
        JsonNode value = value(field, required);
        if (value == null) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 0) {
            problems.add(new FieldProblem(at(field), "must be a whole number, 0 or more"));
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
            number = value.isNumber() ? value.decimalValue() : new BigDecimal(value.asString().trim());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(at(field), "must be a decimal number"));
            return null;
        }
        if (strictlyPositive ? number.signum() <= 0 : number.signum() < 0) {
            problems.add(new FieldProblem(at(field), strictlyPositive ? "must be more than 0" : "must be 0 or more"));
            return null;
        }
        return number;
    }

    public String currency(String field, boolean required) {
        String text = text(field, required);
        if (text != null && !text.matches("[A-Z]{3}")) {
            problems.add(new FieldProblem(at(field), "must be an ISO 4217 code such as EUR"));
            return null;
        }
        return text;
    }

    public void problem(String field, String message) {
        problems.add(new FieldProblem(at(field), message));
    }
}
