package io.salespulse.activity.ingest.cloudevents;

import io.salespulse.activity.accounts.ContractUpdate;
import io.salespulse.activity.accounts.HealthFacts;
import io.salespulse.activity.deals.DealUpdate;
import io.salespulse.activity.ingest.AccountFields;
import io.salespulse.activity.ingest.FieldReader;
import io.salespulse.activity.ingest.Inbound;
import io.salespulse.activity.ingest.ObjectiveFields;
import io.salespulse.activity.ingest.TimeWindow;
import io.salespulse.activity.outbox.AcceptedEventLog;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Money;
import io.salespulse.contracts.SalesPulseEvent;
import io.salespulse.contracts.account.NpsAnswered;
import io.salespulse.contracts.activity.CallLogged;
import io.salespulse.contracts.activity.CallOutcome;
import io.salespulse.contracts.activity.EmailSent;
import io.salespulse.contracts.activity.MeetingBooked;
import io.salespulse.contracts.activity.MeetingHeld;
import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.deal.ForecastCategory;
import io.salespulse.contracts.objective.ObjectiveSet;
import io.salespulse.kit.web.FieldProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Validates the data of each inbound CloudEvent type of the ingest API and turns it into the canonical event.
 * Pure: no I/O, so every rule is a unit test.
 */
final class CloudEventMapper {

    static final String CALL_LOGGED = "salespulse.call.logged.v1";
    static final String EMAIL_SENT = "salespulse.email.sent.v1";
    static final String MEETING_BOOKED = "salespulse.meeting.booked.v1";
    static final String MEETING_HELD = "salespulse.meeting.held.v1";
    static final String OBJECTIVE_SET = "salespulse.objective.set.v1";
    static final String DEAL_UPDATED = "salespulse.deal.updated.v1";
    static final String CONTRACT_UPDATED = "salespulse.contract.updated.v1";
    static final String HEALTH_UPDATED = "salespulse.account.health-updated.v1";
    static final String NPS_ANSWERED = "salespulse.nps.answered.v1";
    static final List<String> TYPES = List.of(
            CALL_LOGGED,
            EMAIL_SENT,
            MEETING_BOOKED,
            MEETING_HELD,
            OBJECTIVE_SET,
            DEAL_UPDATED,
            CONTRACT_UPDATED,
            HEALTH_UPDATED,
            NPS_ANSWERED);

    /** The types that replace an aggregate's last state: dated at most the clock skew ahead (see {@link TimeWindow}). */
    private static final List<String> REPLACING = List.of(DEAL_UPDATED, CONTRACT_UPDATED, HEALTH_UPDATED);

    private CloudEventMapper() {}

    /** The event ready to be made durable, or empty with the problems added. */
    static Optional<Inbound> map(
            InboundCloudEvent event, String channel, TimeWindow window, List<FieldProblem> problems) {
        int before = problems.size();
        if (REPLACING.contains(event.type())
                && event.time() != null
                && window.dealUpdateProblem(event.time()) != null) {
            new FieldReader(null, event.path(), problems).problem("time", window.dealUpdateProblem(event.time()));
        } else {
            new FieldReader(null, event.path(), problems).within("time", event.time(), window);
        }
        FieldReader data = new FieldReader(event.data(), event.dataPath(), problems);
        if (DEAL_UPDATED.equals(event.type())) {
            DealUpdate update = deal(data, event, window);
            return problems.size() == before
                    ? Optional.of(new Inbound.DealChange(event.source(), event.id(), update))
                    : Optional.empty();
        }
        if (CONTRACT_UPDATED.equals(event.type())) {
            ContractUpdate update = AccountFields.contract(data, data.text("csmRepId", true), event.time());
            return problems.size() == before
                    ? Optional.of(AccountFields.contractInbound(event.source(), event.id(), update))
                    : Optional.empty();
        }
        if (HEALTH_UPDATED.equals(event.type())) {
            String accountId = data.text("accountId", true);
            String csm = data.text("csmRepId", true);
            Integer score = AccountFields.healthScore(data);
            return problems.size() == before
                    ? Optional.of(AccountFields.healthInbound(
                            event.source(), event.id(), new HealthFacts.Update(accountId, csm, score, event.time())))
                    : Optional.empty();
        }
        SalesPulseEvent mapped = switch (event.type() == null ? "" : event.type()) {
            case CALL_LOGGED ->
                new CallLogged(
                        data.text("repId", true),
                        data.text("callId", false),
                        data.enumValue("outcome", CallOutcome.class, true),
                        data.boundedInt("durationSeconds", false, FieldReader.MAX_CALL_SECONDS),
                        data.text("dealId", false),
                        data.text("accountId", false),
                        event.time());
            case EMAIL_SENT ->
                new EmailSent(
                        data.text("repId", true),
                        data.text("dealId", false),
                        data.text("accountId", false),
                        event.time());
            case MEETING_BOOKED ->
                new MeetingBooked(
                        data.text("repId", true),
                        data.text("meetingId", true),
                        data.planned("scheduledFor", data.instant("scheduledFor", true), window),
                        data.text("dealId", false),
                        data.text("accountId", false),
                        event.time());
            case MEETING_HELD ->
                new MeetingHeld(
                        data.text("repId", true),
                        data.text("meetingId", true),
                        data.text("dealId", false),
                        data.text("accountId", false),
                        event.time());
            case OBJECTIVE_SET -> objective(data, event, window);
            case NPS_ANSWERED -> {
                String answerId = data.text("answerId", false);
                Integer score = AccountFields.npsScore(data);
                yield new NpsAnswered(
                        data.text("accountId", true),
                        answerId != null ? answerId : event.id(),
                        data.text("csmRepId", true),
                        score == null ? 0 : score,
                        event.time());
            }
            default -> {
                if (event.type() != null) {
                    problems.add(new FieldProblem(
                            event.path().isEmpty() ? "type" : event.path() + ".type", "must be one of " + TYPES));
                }
                yield null;
            }
        };
        if (problems.size() != before || mapped == null) {
            return Optional.empty();
        }
        String key = AcceptedEventLog.keyOf(event.source(), event.id());
        return Optional.of(new Inbound.Ready(new AcceptedEventLog.Entry(
                event.source(), event.id(), channel, List.of(EventEnvelope.of(key, event.source(), mapped)))));
    }

    private static DealUpdate deal(FieldReader data, InboundCloudEvent event, TimeWindow window) {
        String dealId = data.text("dealId", true);
        String owner = data.text("ownerRepId", true);
        DealStage stage = data.enumValue("stage", DealStage.class, true);
        BigDecimal amount = data.nonNegativeDecimal("amount", true);
        String currency = data.currency("currency", true);
        LocalDate closeDate = data.planned("expectedCloseDate", data.date("expectedCloseDate", false), window);
        String name = data.text("name", false);
        Instant createdAt = data.within("createdAt", data.instant("createdAt", false), window);
        String lostReason = data.freeText("lostReason", false);
        Money money = amount == null || currency == null ? null : new Money(amount, currency);
        ForecastCategory category = data.enumValue("forecastCategory", ForecastCategory.class, false);
        String sourcedBy = data.text("sourcedByRepId", false);
        DealUpdate update = DealUpdate.snapshot(
                dealId, owner, owner, name, stage, money, closeDate, lostReason, createdAt, event.time());
        if (data.has("forecastCategory")) {
            update = update.withForecastCategory(category);
        }
        return sourcedBy == null ? update : update.withSourcedBy(sourcedBy);
    }

    private static ObjectiveSet objective(FieldReader data, InboundCloudEvent event, TimeWindow window) {
        return ObjectiveFields.read(data, data.text("objectiveId", true), window, event.time());
    }
}
