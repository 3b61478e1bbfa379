package io.salespulse.activity.ingest.hubspot;

import io.salespulse.activity.deals.DealField;
import io.salespulse.activity.deals.DealUpdate;
import io.salespulse.activity.ingest.CrmProperties;
import io.salespulse.activity.ingest.CrmValues;
import io.salespulse.activity.ingest.FieldReader;
import io.salespulse.activity.ingest.Inbound;
import io.salespulse.activity.ingest.Intake;
import io.salespulse.activity.ingest.TimeWindow;
import io.salespulse.activity.outbox.AcceptedEventLog;
import io.salespulse.contracts.Crm;
import io.salespulse.contracts.Money;
import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.deal.ForecastCategory;
import io.salespulse.kit.web.FieldProblem;
import io.salespulse.kit.web.InvalidRequestException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import tools.jackson.databind.JsonNode;

/**
 * Turns a HubSpot webhook batch into inbound events: deal creations and property changes ({@code dealstage},
 * {@code amount}, {@code closedate}, {@code hubspot_owner_id}, {@code dealname}, {@code closed_lost_reason}), in the
 * legacy {@code deal.*} and the generic {@code object.*} formats; and calls, meetings and emails in the generic
 * format, assembled from their notifications. Anything else is acknowledged and recorded, not published.
 */
final class HubSpotMapper {

    static final String CRM = Crm.HUBSPOT.key();
    private static final Map<String, HubSpotEngagement.Kind> ENGAGEMENT_TYPES = Map.of(
            "0-48",
            HubSpotEngagement.Kind.CALL,
            "0-47",
            HubSpotEngagement.Kind.MEETING,
            "0-49",
            HubSpotEngagement.Kind.EMAIL);
    private static final String DEAL_TYPE = "0-3";
    private static final String COMPANY_TYPE = "0-2";

    private HubSpotMapper() {}

    /**
     * Maps each event of the batch on its own: one that is malformed or out of bounds is refused with its reasons,
     * the others are still taken.
     *
     * @param body   the verified request body
     * @param config the HubSpot settings
     * @param repOf  (crm, owner id) to SalesPulse rep, or null
     * @param window when an event may have happened
     */
    static Intake map(JsonNode body, CrmProperties.HubSpot config, BinaryOperator<String> repOf, TimeWindow window) {
        if (body == null || !body.isArray()) {
            throw new InvalidRequestException("body", "must be a JSON array of HubSpot events");
        }
        List<FieldProblem> rejected = new ArrayList<>();
        int refused = 0;
        List<Inbound> inbound = new ArrayList<>();
        java.util.Map<String, List<HubSpotCompanies.Change>> companyMoments = new java.util.HashMap<>();
        for (int i = 0; i < body.size(); i++) {
            JsonNode node = body.get(i);
            String path = "[" + i + "]";
            List<FieldProblem> problems = new ArrayList<>();
            FieldReader fields = new FieldReader(node, path, problems);
            String eventId = fields.text("eventId", true);
            String type = fields.text("subscriptionType", true);
            String objectId = fields.text("objectId", true);
            String occurredAtText = fields.text("occurredAt", true);
            Instant occurredAt = occurredAtText == null ? null : CrmValues.instant(occurredAtText);
            if (occurredAtText != null && occurredAt == null) {
                fields.problem("occurredAt", "must be epoch milliseconds");
            }
            fields.within("occurredAt", occurredAt, window);
            String portal = fields.text("portalId", false);
            if (!CrmProperties.serves(config.accounts(), portal)) {
                fields.problem(
                        "portalId", "is not an account this SalesPulse serves (salespulse.crm.hubspot.accounts)");
            }
            String property = fields.text("propertyName", false);
            JsonNode given = node == null ? null : node.get("propertyValue");
            String value = given == null || given.isNull() ? null : given.isValueNode() ? given.asString() : null;
            if (given != null && !given.isNull() && !given.isValueNode()) {
                fields.problem("propertyValue", "must be a string");
            }
            String objectType = fields.text("objectTypeId", false);
            checkValue(fields, property, value, window, config);
            if (!problems.isEmpty()) {
                rejected.addAll(problems);
                refused++;
                continue;
            }
            String source = "/crm/hubspot/" + (portal == null ? "default" : portal);
            String action = type.substring(type.indexOf('.') + 1);

            if (type.startsWith("deal.") || type.startsWith("object.") && DEAL_TYPE.equals(objectType)) {
                inbound.add(
                        deal(source, eventId, "hubspot-" + objectId, action, property, value, occurredAt, config, repOf)
                                .orElseGet(() -> received(source, eventId)));
            } else if ((type.startsWith("company.") || type.startsWith("object.") && COMPANY_TYPE.equals(objectType))
                    && config.contracts().enabled()
                    && ("creation".equals(action)
                            || "propertyChange".equals(action)
                                    && HubSpotCompanies.matters(property, config.contracts()))) {
                // A customer's contract, kept on its company (the configured properties). The notifications of one
                // company at one moment in a batch are one change (a renewal's new dates and ARR together): the first
                // carries them all, the others are remembered as received.
                HubSpotCompanies.Change change = new HubSpotCompanies.Change(
                        "creation".equals(action) ? null : property,
                        HubSpotCompanies.OWNER.equals(property) ? repOf.apply(CRM, value) : value,
                        occurredAt);
                List<HubSpotCompanies.Change> moment = companyMoments.get(source + "|" + objectId + "|" + occurredAt);
                if (moment != null) {
                    moment.add(change);
                    inbound.add(received(source, eventId));
                } else {
                    List<HubSpotCompanies.Change> changes = new ArrayList<>(List.of(change));
                    companyMoments.put(source + "|" + objectId + "|" + occurredAt, changes);
                    inbound.add(new Inbound.Assembled<>(
                            source,
                            eventId,
                            "hubspot-company:" + objectId,
                            HubSpotCompanies.Company.class,
                            previous -> HubSpotCompanies.apply(
                                    previous, objectId, changes, config.contracts(), config.defaultCurrency())));
                }
            } else if (type.startsWith("object.")
                    && objectType != null
                    && ENGAGEMENT_TYPES.containsKey(objectType)
                    && ("creation".equals(action) || "propertyChange".equals(action))) {
                HubSpotEngagement.Kind kind = ENGAGEMENT_TYPES.get(objectType);
                String rep = "hubspot_owner_id".equals(property) ? repOf.apply(CRM, value) : null;
                HubSpotEngagements.Change change = new HubSpotEngagements.Change(
                        "creation".equals(action) ? null : property, value, rep, occurredAt);
                inbound.add(new Inbound.Assembled<>(
                        source,
                        eventId,
                        "hubspot-" + kind.name().toLowerCase() + ":" + objectId,
                        HubSpotEngagement.class,
                        previous ->
                                HubSpotEngagements.apply(previous, kind, objectId, change, config.callDispositions())));
            } else {
                inbound.add(received(source, eventId));
            }
        }
        return new Intake(coalesced(inbound), refused, rejected);
    }

    /**
     * A deal's notifications of one moment in a batch as one update: HubSpot tells a new deal as {@code deal.creation}
     * then one {@code propertyChange} per property set with it (owner, amount, stage...), all at the creation's time;
     * applied one by one, the deal would be created with no owner, no amount and stage NEW, then "moved" to its real
     * stage. The first notification carries the whole update; the others are remembered as received (a redelivery is a
     * duplicate).
     */
    static List<Inbound> coalesced(List<Inbound> inbound) {
        List<Inbound> out = new ArrayList<>(inbound);
        java.util.Map<String, Integer> first = new java.util.HashMap<>();
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) instanceof Inbound.DealChange change) {
                String moment = change.source() + "|" + change.update().dealId() + "|"
                        + change.update().occurredAt();
                Integer at = first.putIfAbsent(moment, i);
                if (at != null) {
                    Inbound.DealChange earlier = (Inbound.DealChange) out.get(at);
                    out.set(
                            at,
                            new Inbound.DealChange(
                                    earlier.source(),
                                    earlier.eventId(),
                                    earlier.update().and(change.update())));
                    out.set(i, received(change.source(), change.eventId()));
                }
            }
        }
        return out;
    }

    /** The bounds of a property's value: its length, and for amounts, times and durations their range. */
    private static void checkValue(
            FieldReader fields, String property, String value, TimeWindow window, CrmProperties.HubSpot config) {
        if (value == null || property == null) {
            return;
        }
        boolean free = "closed_lost_reason".equals(property);
        String problem = FieldReader.textProblem(value, free ? FieldReader.MAX_FREE_TEXT : FieldReader.MAX_TEXT, free);
        if (problem == null && config != null && config.contracts().enabled() && !value.isBlank()) {
            CrmProperties.Contracts contracts = config.contracts();
            if (property.equals(contracts.arrField())) {
                BigDecimal arr = CrmValues.decimal(value);
                problem = arr == null
                        ? "must be a number"
                        : arr.signum() < 0 ? "must be 0 or more" : FieldReader.amountProblem(arr);
            } else if (property.equals(contracts.termStartField()) || property.equals(contracts.termEndField())) {
                problem = CrmValues.date(value) == null ? "must be a date (epoch milliseconds or 2026-12-31)" : null;
            }
        }
        if (problem == null) {
            problem = switch (property) {
                case "amount" -> {
                    BigDecimal amount = CrmValues.decimal(value);
                    yield amount == null
                            ? null
                            : amount.signum() < 0 ? "must be 0 or more" : FieldReader.amountProblem(amount);
                }
                case "hs_timestamp" -> {
                    Instant time = CrmValues.instant(value);
                    yield time == null ? null : window.problem(time);
                }
                case "hs_meeting_start_time" -> {
                    Instant time = CrmValues.instant(value);
                    yield time == null ? null : window.plannedProblem(time);
                }
                case FORECAST_CATEGORY ->
                    value.isBlank() || forecastCategory(value) != null
                            ? null
                            : "must be one of OMIT, PIPELINE, BEST_CASE, COMMIT, CLOSED";
                case "closedate" -> {
                    java.time.LocalDate date = CrmValues.date(value);
                    yield date == null ? null : window.plannedDayProblem(date);
                }
                case "hs_call_duration" -> {
                    long maxMillis = FieldReader.MAX_CALL_SECONDS * 1000L;
                    BigDecimal millis = CrmValues.decimal(value);
                    yield millis == null || millis.signum() >= 0 && millis.compareTo(BigDecimal.valueOf(maxMillis)) <= 0
                            ? null
                            : "must be from 0 to " + maxMillis + " milliseconds";
                }
                default -> null;
            };
        }
        if (problem != null) {
            fields.problem("propertyValue", problem);
        }
    }

    private static java.util.Optional<Inbound> deal(
            String source,
            String eventId,
            String dealId,
            String action,
            String property,
            String value,
            Instant at,
            CrmProperties.HubSpot config,
            BinaryOperator<String> repOf) {
        if ("creation".equals(action)) {
            return java.util.Optional.of(new Inbound.DealChange(
                    source,
                    eventId,
                    new DealUpdate(dealId, Set.of(), null, null, null, null, null, null, null, at, at, null, null)));
        }
        if (!"propertyChange".equals(action) || property == null) {
            return java.util.Optional.empty();
        }
        DealUpdate update = switch (property) {
            case "dealstage" -> {
                DealStage stage = value == null ? null : config.stages().get(value);
                yield stage == null
                        ? null
                        : DealUpdate.partial(
                                dealId, Set.of(DealField.STAGE), null, null, null, stage, null, null, null, at);
            }
            case "amount" -> {
                BigDecimal amount = CrmValues.decimal(value);
                yield amount == null
                        ? null
                        : DealUpdate.partial(
                                dealId,
                                Set.of(DealField.AMOUNT),
                                null,
                                null,
                                null,
                                null,
                                new Money(amount, config.defaultCurrency()),
                                null,
                                null,
                                at);
            }
            case "closedate" ->
                DealUpdate.partial(
                        dealId,
                        Set.of(DealField.CLOSE_DATE),
                        null,
                        null,
                        null,
                        null,
                        null,
                        CrmValues.date(value),
                        null,
                        at);
            case "hubspot_owner_id" ->
                DealUpdate.partial(
                        dealId,
                        Set.of(DealField.OWNER),
                        repOf.apply(CRM, value),
                        value,
                        null,
                        null,
                        null,
                        null,
                        null,
                        at);
            case "dealname" ->
                DealUpdate.partial(dealId, Set.of(DealField.NAME), null, null, value, null, null, null, null, at);
            case "closed_lost_reason" ->
                DealUpdate.partial(
                        dealId, Set.of(DealField.LOST_REASON), null, null, null, null, null, null, value, at);
            // The manager's or rep's own forecast category; an empty value clears it (the stage's default applies
            // again).
            case FORECAST_CATEGORY ->
                DealUpdate.partial(dealId, Set.of(), null, null, null, null, null, null, null, at)
                        .withForecastCategory(forecastCategory(value));
            default -> null;
        };
        return java.util.Optional.ofNullable(update).map(u -> new Inbound.DealChange(source, eventId, u));
    }

    /** HubSpot's deal property holding the manual forecast category. */
    static final String FORECAST_CATEGORY = "hs_manual_forecast_category";

    /** HubSpot's forecast category values: OMIT, PIPELINE, BEST_CASE, COMMIT, CLOSED; null for an empty or unknown one. */
    static ForecastCategory forecastCategory(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String upper = value.trim().toUpperCase(java.util.Locale.ROOT);
        return switch (upper) {
            case "OMIT" -> ForecastCategory.OMITTED;
            case "PIPELINE", "BEST_CASE", "COMMIT", "CLOSED" -> ForecastCategory.valueOf(upper);
            default -> null;
        };
    }

    /** Acknowledged and remembered (so a redelivery is a duplicate), but nothing to publish. */
    static Inbound received(String source, String eventId) {
        return new Inbound.Ready(new AcceptedEventLog.Entry(source, eventId, CRM, List.of()));
    }
}
