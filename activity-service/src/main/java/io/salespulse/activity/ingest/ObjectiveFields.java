package io.salespulse.activity.ingest;

import io.salespulse.contracts.objective.ObjectiveMetric;
import io.salespulse.contracts.objective.ObjectiveScope;
import io.salespulse.contracts.objective.ObjectiveSet;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An objective's fields, read and bounded the same way at both entrances (a CRM's {@code objective.set} CloudEvent and
 * a manager's {@code PUT .../objectives/{id}}): scope, scope id, metric, a positive target, a currency for amount
 * and revenue ratio metrics, a share (at most 10) for ratio metrics, a period inside the planning window and at most {@link ObjectiveSet#MAX_PERIOD} long.
 */
public final class ObjectiveFields {

    /** The highest target of a ratio objective: ten times (a net retention of 1,000 %). */
    static final BigDecimal MAX_RATIO = BigDecimal.TEN;

    private ObjectiveFields() {}

    /** The objective the fields describe; every problem is added to the reader's list. */
    public static ObjectiveSet read(FieldReader data, String objectiveId, TimeWindow window, Instant time) {
        ObjectiveScope scope = data.enumValue("scope", ObjectiveScope.class, true);
        String scopeId = data.text("scopeId", true);
        ObjectiveMetric metric = data.enumValue("metric", ObjectiveMetric.class, true);
        BigDecimal target = data.positiveDecimal("target", true);
        String currency = data.currency("currency", metric != null && metric.inCurrency());
        LocalDate start = data.planned("periodStart", data.date("periodStart", true), window);
        LocalDate end = data.planned("periodEnd", data.date("periodEnd", true), window);
        if (start != null && end != null && end.isBefore(start)) {
            data.problem("periodEnd", "must not be before periodStart");
        } else if (start != null && end != null && end.isAfter(start.plus(ObjectiveSet.MAX_PERIOD))) {
            data.problem(
                    "periodEnd", "must be at most " + ObjectiveSet.MAX_PERIOD.getYears() + " years after periodStart");
        }
        if (metric != null && !metric.inCurrency() && currency != null) {
            currency = null; // counts have no currency
        }
        if (metric != null && metric.isRatio() && target != null && target.compareTo(MAX_RATIO) > 0) {
            data.problem("target", "must be a share, e.g. 0.95 for 95 %, at most " + MAX_RATIO);
        }
        return new ObjectiveSet(objectiveId, scope, scopeId, metric, target, currency, start, end, time);
    }
}
