package io.salespulse.activity.ingest.pipedrive;

import io.salespulse.activity.deals.DealUpdate;
import io.salespulse.activity.ingest.AccountFields;
import io.salespulse.activity.ingest.CrmProperties;
import io.salespulse.activity.ingest.CrmValues;
import io.salespulse.activity.ingest.FieldReader;
import io.salespulse.activity.ingest.Inbound;
import io.salespulse.activity.ingest.TimeWindow;
import io.salespulse.activity.outbox.AcceptedEventLog;
import io.salespulse.contracts.Crm;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Money;
import io.salespulse.contracts.SalesPulseEvent;
import io.salespulse.contracts.activity.CallLogged;
import io.salespulse.contracts.activity.CallOutcome;
import io.salespulse.contracts.activity.EmailSent;
import io.salespulse.contracts.activity.MeetingBooked;
import io.salespulse.contracts.activity.MeetingHeld;
import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.deal.ForecastCategory;
import io.salespulse.kit.web.FieldProblem;
import io.salespulse.kit.web.InvalidRequestException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import tools.jackson.databind.JsonNode;

/**
 * Turns a Pipedrive webhook (v2: {@code {meta, data, previous}}) into inbound events. A deal notification carries
 * the deal as it now is: its won/lost status, else its stage through the configured mapping. A done call or email
 * activity is logged once, when it becomes done ({@code previous.done} was false, or it was created done); a meeting
 * is booked when created and held when it becomes done.
 */
final class PipedriveMapper {

    static final String CRM = Crm.PIPEDRIVE.key();

    private PipedriveMapper() {}

    static Inbound map(JsonNode body, CrmProperties.Pipedrive config, BinaryOperator<String> repOf, TimeWindow window) {
        List<FieldProblem> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException("body", "must be a Pipedrive webhook object {meta, data, previous}");
        }
        JsonNode metaNode = body.get("meta");
        FieldReader meta = new FieldReader(metaNode, "meta", problems);
        String id = meta.text("id", true);
        String action = meta.text("action", true);
        String entity = meta.text("entity", true);
        String timestamp = meta.text("timestamp", true);
        Instant at = timestamp == null ? null : CrmValues.instant(timestamp);
        if (timestamp != null && at == null) {
            meta.problem("timestamp", "must be an ISO 8601 time or epoch milliseconds");
        }
        meta.within("timestamp", at, window);
        if (!CrmProperties.serves(config.accounts(), meta.text("company_id", false))) {
            meta.problem("company_id", "is not an account this SalesPulse serves (salespulse.crm.pipedrive.accounts)");
        }
        JsonNode data = body.get("data");
        JsonNode previous = body.get("previous");
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        String company = meta.text("company_id", false);
        String source = "/crm/pipedrive/" + (company == null ? "default" : company);
        boolean live = ("create".equals(action) || "change".equals(action)) && data != null && data.isObject();
        CrmProperties.Contracts contracts = config.contracts();
        if (live && "deal".equals(entity) && renewal(data, contracts)) {
            // A deal of the renewal pipeline is its organisation's contract's renewal, not a sale.
            FieldReader deal = new FieldReader(data, "data", problems);
            String dealId = deal.text("id", true);
            String org = CrmValues.scalar(
                    data.get("org_id").isObject() ? data.get("org_id").get("value") : data.get("org_id"));
            if (!problems.isEmpty() || org == null) {
                throw new InvalidRequestException(
                        problems.isEmpty()
                                ? List.of(new FieldProblem("data.org_id", "a renewal deal must name its organisation"))
                                : problems);
            }
            return AccountFields.renewalInbound(source, id, contractOf(org), "pipedrive-" + dealId, at);
        }
        if (live && "deal".equals(entity)) {
            return new Inbound.DealChange(source, id, deal(data, at, config, repOf, window, problems));
        }
        if (live && "organization".equals(entity) && contracts.enabled()) {
            return organisation(data, source, id, at, config, repOf, problems)
                    .orElseGet(() -> new Inbound.Ready(new AcceptedEventLog.Entry(source, id, CRM, List.of())));
        }
        List<SalesPulseEvent> events = live && "activity".equals(entity)
                ? activity(data, previous, action, at, repOf, window, problems)
                : List.of();
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        String key = AcceptedEventLog.keyOf(source, id);
        List<EventEnvelope> envelopes = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            envelopes.add(EventEnvelope.of(i == 0 ? key : key + "." + i, source, events.get(i)));
        }
        return new Inbound.Ready(new AcceptedEventLog.Entry(source, id, CRM, envelopes));
    }

    private static DealUpdate deal(
            JsonNode data,
            Instant at,
            CrmProperties.Pipedrive config,
            BinaryOperator<String> repOf,
            TimeWindow window,
            List<FieldProblem> problems) {
        FieldReader deal = new FieldReader(data, "data", problems);
        String dealId = deal.text("id", true);
        String owner = ownerOf(data);
        String status = deal.text("status", false);
        String stageId = deal.text("stage_id", false);
        DealStage stage = "won".equals(status)
                ? DealStage.WON
                : "lost".equals(status)
                        ? DealStage.LOST
                        : stageId == null ? null : config.stages().get(stageId);
        BigDecimal value = deal.nonNegativeDecimal("value", false);
        String currency = deal.currency("currency", false);
        Money amount = value == null ? null : new Money(value, currency == null ? config.defaultCurrency() : currency);
        LocalDate close =
                deal.planned("expected_close_date", CrmValues.date(deal.text("expected_close_date", false)), window);
        Instant created = deal.within("add_time", CrmValues.instant(deal.text("add_time", false)), window);
        Instant updated = deal.within("update_time", CrmValues.instant(deal.text("update_time", false)), window);
        String title = deal.text("title", false);
        String lostReason = deal.freeText("lost_reason", false);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        DealUpdate update = DealUpdate.snapshot(
                "pipedrive-" + dealId,
                repOf.apply(CRM, owner),
                owner,
                title,
                stage,
                amount,
                close,
                lostReason,
                created,
                updated != null ? updated : at);
        JsonNode custom = data.path("custom_fields");
        if (config.forecastField() != null && custom.isObject() && custom.has(config.forecastField())) {
            update = update.withForecastCategory(forecastCategory(custom.get(config.forecastField()), config));
        }
        return update;
    }

    /**
     * The forecast category in the configured custom field: a v2 custom field value ({@code {"type": "enum", "id": 42}}
     * or {@code {"type": "varchar", "value": "Commit"}}) or a plain value, looked up in
     * {@code salespulse.crm.pipedrive.forecast-categories}; an empty or unmapped value is no category.
     */
    static ForecastCategory forecastCategory(JsonNode field, CrmProperties.Pipedrive config) {
        if (field == null || field.isNull()) {
            return null;
        }
        JsonNode value = field.isObject() ? (field.hasNonNull("id") ? field.get("id") : field.get("value")) : field;
        String text = CrmValues.scalar(value);
        return text == null ? null : config.forecastCategories().get(text);
    }

    private static List<SalesPulseEvent> activity(
            JsonNode data,
            JsonNode previous,
            String action,
            Instant at,
            BinaryOperator<String> repOf,
            TimeWindow window,
            List<FieldProblem> problems) {
        FieldReader activity = new FieldReader(data, "data", problems);
        String activityId = activity.text("id", true);
        String type = activity.text("type", true);
        if (!problems.isEmpty()) {
            return List.of();
        }
        String rep = repOf.apply(CRM, ownerOf(data));
        String dealId = activity.text("deal_id", false) == null ? null : "pipedrive-" + activity.text("deal_id", false);
        boolean done = data.path("done").asBoolean(false);
        boolean wasDone = previous != null && previous.has("done")
                ? previous.path("done").asBoolean(false)
                : !"create".equals(action);
        boolean becameDone = done && ("create".equals(action) || previous != null && previous.has("done") && !wasDone);
        Instant doneAt = activity.within(
                "marked_as_done_time", CrmValues.instant(activity.text("marked_as_done_time", false)), window);
        Integer duration = durationSeconds(activity.text("duration", false));
        if (duration != null && duration > FieldReader.MAX_CALL_SECONDS) {
            activity.problem("duration", "must be at most 24:00");
        }
        Instant scheduled = activity.planned(
                "due_date", scheduledFor(activity.text("due_date", false), activity.text("due_time", false)), window);
        if (!problems.isEmpty()) {
            return List.of();
        }
        Instant when = doneAt != null ? doneAt : at;
        List<SalesPulseEvent> events = new ArrayList<>();
        switch (type) {
            case "call" -> {
                if (becameDone) {
                    Integer seconds = duration;
                    CallOutcome outcome =
                            seconds != null && seconds > 0 ? CallOutcome.CONNECTED : CallOutcome.NO_ANSWER;
                    events.add(new CallLogged(rep, "pipedrive-" + activityId, outcome, seconds, dealId, when));
                }
            }
            case "email" -> {
                if (becameDone) {
                    events.add(new EmailSent(rep, dealId, when));
                }
            }
            case "meeting" -> {
                if ("create".equals(action) && scheduled != null) {
                    events.add(new MeetingBooked(rep, "pipedrive-" + activityId, scheduled, dealId, at));
                }
                if (becameDone) {
                    events.add(new MeetingHeld(
                            rep, "pipedrive-" + activityId, dealId, scheduled != null ? scheduled : when));
                }
            }
            default -> {
                // tasks, deadlines, lunches: not sales activity SalesPulse counts
            }
        }
        return events;
    }

    /** Whether a deal is of the renewal pipeline (and names an organisation). */
    private static boolean renewal(JsonNode data, CrmProperties.Contracts contracts) {
        return contracts.renewalPipeline() != null
                && contracts.renewalPipeline().equals(CrmValues.scalar(data.get("pipeline_id")))
                && data.hasNonNull("org_id");
    }

    /** An organisation's contract: one per organisation, named after it. */
    static String contractOf(String organisationId) {
        return "pipedrive-org-" + organisationId;
    }

    /**
     * An organisation that is a customer: its contract from the configured custom fields ({@code ARR} a monetary field
     * with its currency, the term's days, the status), as every CRM's contracts are read ({@link AccountFields}). An
     * organisation without an ARR or a term end is no customer yet: nothing to tell.
     */
    private static java.util.Optional<Inbound> organisation(
            JsonNode data,
            String source,
            String eventId,
            Instant at,
            CrmProperties.Pipedrive config,
            BinaryOperator<String> repOf,
            List<FieldProblem> problems) {
        CrmProperties.Contracts contracts = config.contracts();
        JsonNode custom = data.path("custom_fields");
        JsonNode arrField = custom.path(contracts.arrField());
        JsonNode endField = custom.path(contracts.termEndField());
        if (value(arrField) == null || value(endField) == null) {
            return java.util.Optional.empty();
        }
        String org = CrmValues.scalar(data.get("id"));
        tools.jackson.databind.node.ObjectNode snapshot =
                io.salespulse.contracts.EventCodec.mapper().createObjectNode();
        snapshot.put("contractId", contractOf(org));
        snapshot.put("accountId", contractOf(org));
        if (data.hasNonNull("name")) {
            snapshot.put("accountName", CrmValues.scalar(data.get("name")));
        }
        snapshot.set("arr", value(arrField));
        JsonNode currency = arrField.isObject() && arrField.hasNonNull("currency") ? arrField.get("currency") : null;
        snapshot.put("currency", currency != null ? currency.asString() : config.defaultCurrency());
        snapshot.set("termEnd", value(endField));
        JsonNode startField = custom.path(contracts.termStartField() == null ? "" : contracts.termStartField());
        LocalDate end = CrmValues.date(CrmValues.scalar(value(endField)));
        if (value(startField) != null) {
            snapshot.set("termStart", value(startField));
        } else if (end != null) {
            snapshot.put("termStart", AccountFields.yearEndingOn(end).toString());
        }
        if (contracts.statusField() != null) {
            JsonNode status = custom.path(contracts.statusField());
            JsonNode option = status.isObject() && status.hasNonNull("id") ? status.get("id") : value(status);
            if (option != null && contracts.churned(CrmValues.scalar(option))) {
                snapshot.put("status", "CHURNED");
            }
        }
        FieldReader reader = new FieldReader(snapshot, "data.custom_fields", problems);
        String csm = repOf.apply(CRM, ownerOf(data));
        io.salespulse.activity.accounts.ContractUpdate update = AccountFields.contract(reader, csm, at);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return java.util.Optional.of(AccountFields.contractInbound(source, eventId, update));
    }

    /** A v2 custom field's value ({@code {"type": "date", "value": "2026-03-01"}}), or a plain one; null when empty. */
    private static JsonNode value(JsonNode field) {
        if (field == null || field.isMissingNode() || field.isNull()) {
            return null;
        }
        JsonNode value = field.isObject() ? field.get("value") : field;
        return value == null
                        || value.isNull()
                        || value.isString() && value.asString().isBlank()
                ? null
                : value;
    }

    /** v2 names the owner {@code owner_id}; v1 had {@code user_id}. */
    private static String ownerOf(JsonNode data) {
        JsonNode owner = data.hasNonNull("owner_id") ? data.get("owner_id") : data.get("user_id");
        return owner != null && owner.isObject() ? CrmValues.scalar(owner.get("id")) : CrmValues.scalar(owner);
    }

    /** Pipedrive durations are {@code HH:MM} (or {@code HH:MM:SS}). */
    static Integer durationSeconds(String duration) {
        if (duration == null || duration.isBlank()) {
            return null;
        }
        try {
            String[] parts = duration.trim().split(":");
            int seconds = Integer.parseInt(parts[0]) * 3600 + Integer.parseInt(parts[1]) * 60;
            return parts.length > 2 ? seconds + Integer.parseInt(parts[2]) : seconds;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Instant scheduledFor(String dueDate, String dueTime) {
        if (dueDate == null) {
            return null;
        }
        try {
            LocalTime time = dueTime == null || dueTime.isBlank() ? LocalTime.MIDNIGHT : LocalTime.parse(dueTime);
            // Pipedrive stores due times in UTC.
            return LocalDate.parse(dueDate).atTime(time).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
