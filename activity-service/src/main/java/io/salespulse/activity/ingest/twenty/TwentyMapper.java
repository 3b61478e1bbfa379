package io.salespulse.activity.ingest.twenty;

import io.salespulse.activity.deals.DealUpdate;
import io.salespulse.activity.ingest.CrmProperties;
import io.salespulse.activity.ingest.CrmValues;
import io.salespulse.activity.ingest.FieldReader;
import io.salespulse.activity.ingest.Inbound;
import io.salespulse.activity.ingest.TimeWindow;
import io.salespulse.activity.outbox.AcceptedEventLog;
import io.salespulse.contracts.Crm;
import io.salespulse.contracts.Money;
import io.salespulse.contracts.deal.DealStage;
import io.salespulse.kit.web.FieldProblem;
import io.salespulse.kit.web.InvalidRequestException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import tools.jackson.databind.JsonNode;

/**
 * Turns a Twenty webhook into an inbound event: {@code opportunity.created} / {@code opportunity.updated} carry the
 * opportunity as it now is (amount in micros, stage through the configured mapping); other events are acknowledged.
 * Both the {@code {eventName, record}} and the {@code {event, data}} forms are read. Twenty sends no delivery id, so
 * the event's id is derived from what identifies it: event name, record id and the record's update time.
 */
final class TwentyMapper {

    static final String CRM = Crm.TWENTY.key();

    private TwentyMapper() {}

    static Inbound map(
            JsonNode body,
            CrmProperties.Twenty config,
            BinaryOperator<String> repOf,
            Instant receivedAt,
            TimeWindow window) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException("body", "must be a Twenty webhook object");
        }
        List<FieldProblem> problems = new ArrayList<>();
        FieldReader envelope = new FieldReader(body, "", problems);
        boolean eventForm = body.has("event");
        String eventName = envelope.text(eventForm ? "event" : "eventName", true);
        JsonNode record = eventForm ? body.get("data") : body.get("record");
        if (record == null || !record.isObject()) {
            problems.add(new FieldProblem(eventForm ? "data" : "record", "must be an object"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        String recordPath = eventForm ? "data" : "record";
        FieldReader fields = new FieldReader(record, recordPath, problems);
        String recordId = fields.text("id", true);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        String workspace = envelope.text("workspaceId", false);
        if (!CrmProperties.serves(config.accounts(), workspace)) {
            throw new InvalidRequestException(
                    "workspaceId", "is not an account this SalesPulse serves (salespulse.crm.twenty.accounts)");
        }
        String source = "/crm/twenty/" + (workspace == null ? "default" : workspace);
        Instant updatedAt = fields.within("updatedAt", CrmValues.instant(fields.text("updatedAt", false)), window);
        String eventAtField = eventForm ? "timestamp" : "eventDate";
        Instant eventAt = envelope.within(eventAtField, CrmValues.instant(envelope.text(eventAtField, false)), window);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Instant at = updatedAt != null ? updatedAt : eventAt != null ? eventAt : receivedAt;
        String eventId = eventName + "|" + recordId + "|" + at.toEpochMilli();

        if (("opportunity.created".equals(eventName) || "opportunity.updated".equals(eventName))) {
            String stageName = fields.text("stage", false);
            DealStage stage = stageName == null ? null : config.stages().get(stageName);
            Money amount = null;
            JsonNode amountNode = record.get("amount");
            if (amountNode != null && amountNode.isObject() && amountNode.hasNonNull("amountMicros")) {
                FieldReader money = new FieldReader(amountNode, recordPath + ".amount", problems);
                // Micros are bounded once made an amount: a deal of 2 million is 2 * 10^12 micros.
                BigDecimal micros = CrmValues.decimal(CrmValues.scalar(amountNode.get("amountMicros")));
                String currency = amountNode.hasNonNull("currencyCode")
                        ? money.currency("currencyCode", false)
                        : config.defaultCurrency();
                BigDecimal value =
                        micros == null ? null : micros.divide(BigDecimal.valueOf(1_000_000), 2, RoundingMode.HALF_UP);
                String problem = value == null
                        ? null
                        : value.signum() < 0 ? "must be 0 or more" : FieldReader.amountProblem(value);
                if (problem != null) {
                    money.problem("amountMicros", problem);
                }
                if (value != null && currency != null && problem == null) {
                    amount = new Money(value, currency);
                }
            }
            String owner = fields.text("ownerId", false);
            if (owner == null) {
                owner = fields.text("accountOwnerId", false);
            }
            String name = fields.text("name", false);
            java.time.LocalDate close =
                    fields.planned("closeDate", CrmValues.date(fields.text("closeDate", false)), window);
            Instant createdAt = fields.within("createdAt", CrmValues.instant(fields.text("createdAt", false)), window);
            if (!problems.isEmpty()) {
                throw new InvalidRequestException(problems);
            }
            DealUpdate update = DealUpdate.snapshot(
                    "twenty-" + recordId,
                    repOf.apply(CRM, owner),
                    owner,
                    name,
                    stage,
                    amount,
                    close,
                    null,
                    createdAt,
                    at);
            return new Inbound.DealChange(source, eventId, update);
        }
        return new Inbound.Ready(new AcceptedEventLog.Entry(source, eventId, CRM, List.of()));
    }
}
