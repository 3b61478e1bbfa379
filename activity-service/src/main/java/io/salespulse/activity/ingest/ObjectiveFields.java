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
 * metrics, a period inside the planning window and at most {@link ObjectiveSet#MAX_PERIOD} long.
 */
public final class ObjectiveFields {

    private ObjectiveFields() {}

    /** The objective the fields describe; every problem is added to the reader's list. */
    public static ObjectiveSet read(FieldReader data, String objectiveId, TimeWindow window, Instant time) {
        ObjectiveScope scope = data.enumValue("scope", ObjectiveScope.class, true);
        String scopeId = data.text("scopeId", true);
        ObjectiveMetric metric = data.enumValue("metric", ObjectiveMetric.class, true);
        BigDecimal target = data.positiveDecimal("target", true);
        String currency = data.currency("currency", metric != null && metric.isAmount());
        LocalDate start = data.planned("periodStart", data.date("periodStart", true), window);
        LocalDate end = data.planned("periodEnd", data.date("periodEnd", true), window);
        if (start != null && end != null && end.isBefore(start)) {
            data.problem("periodEnd", "must not be before periodStart");
        } else if (start != null && end != null && end.isAfter(start.plus(ObjectiveSet.MAX_PERIOD))) {
            data.problem(
                    "periodEnd", "must be at most " + ObjectiveSet.MAX_PERIOD.getYears() + " years after periodStart");
        }
        if (metric != null && !metric.isAmount() && currency != null) {
            currency = null; // counts have no currency
        }
        return new ObjectiveSet(objectiveId, scope, scopeId, metric, target, currency, start, end, time);
    }
}
