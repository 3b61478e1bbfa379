package io.salespulse.contracts;

import io.salespulse.contracts.account.AccountHealthUpdated;
import io.salespulse.contracts.account.ContractChanged;
import io.salespulse.contracts.account.NpsAnswered;
import io.salespulse.contracts.account.RenewalOpened;
import io.salespulse.contracts.activity.CallLogged;
import io.salespulse.contracts.activity.EmailSent;
import io.salespulse.contracts.activity.MeetingBooked;
import io.salespulse.contracts.activity.MeetingHeld;
import io.salespulse.contracts.deal.DealAmountChanged;
import io.salespulse.contracts.deal.DealCloseDateMoved;
import io.salespulse.contracts.deal.DealCreated;
import io.salespulse.contracts.deal.DealForecastCategoryChanged;
import io.salespulse.contracts.deal.DealLost;
import io.salespulse.contracts.deal.DealOwnerChanged;
import io.salespulse.contracts.deal.DealSourced;
import io.salespulse.contracts.deal.DealStageChanged;
import io.salespulse.contracts.deal.DealWon;
import io.salespulse.contracts.kpi.ObjectiveProgressed;
import io.salespulse.contracts.kpi.PipelineReviewed;
import io.salespulse.contracts.kpi.RepDayKpisUpdated;
import io.salespulse.contracts.objective.ObjectiveCancelled;
import io.salespulse.contracts.objective.ObjectiveSet;
import io.salespulse.contracts.objective.ObjectiveUpdated;
import io.salespulse.contracts.org.Backfill;
import io.salespulse.contracts.org.RepAbsence;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.contracts.org.UnitChanged;
import io.salespulse.contracts.pulse.PulseInvited;
import io.salespulse.contracts.signal.SignalAcknowledged;
import io.salespulse.contracts.signal.SignalRaised;
import io.salespulse.contracts.signal.SignalResolved;
import io.salespulse.contracts.signal.SignalUpdated;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type: its CloudEvents type name (past tense, versioned), its record and its topic.
 * A new version of an event is a new constant with a new name, never a change to an old record's meaning.
 */
public enum EventType {
    CALL_LOGGED("salespulse.call.logged.v1", CallLogged.class, Topics.ACTIVITIES),
    EMAIL_SENT("salespulse.email.sent.v1", EmailSent.class, Topics.ACTIVITIES),
    MEETING_BOOKED("salespulse.meeting.booked.v1", MeetingBooked.class, Topics.ACTIVITIES),
    MEETING_HELD("salespulse.meeting.held.v1", MeetingHeld.class, Topics.ACTIVITIES),

    DEAL_CREATED("salespulse.deal.created.v1", DealCreated.class, Topics.DEALS),
    DEAL_STAGE_CHANGED("salespulse.deal.stage-changed.v1", DealStageChanged.class, Topics.DEALS),
    DEAL_AMOUNT_CHANGED("salespulse.deal.amount-changed.v1", DealAmountChanged.class, Topics.DEALS),
    DEAL_CLOSE_DATE_MOVED("salespulse.deal.close-date-moved.v1", DealCloseDateMoved.class, Topics.DEALS),
    DEAL_OWNER_CHANGED("salespulse.deal.owner-changed.v1", DealOwnerChanged.class, Topics.DEALS),
    DEAL_WON("salespulse.deal.won.v1", DealWon.class, Topics.DEALS),
    DEAL_LOST("salespulse.deal.lost.v1", DealLost.class, Topics.DEALS),
    DEAL_FORECAST_CATEGORY_CHANGED(
            "salespulse.deal.forecast-category-changed.v1", DealForecastCategoryChanged.class, Topics.DEALS),
    DEAL_SOURCED("salespulse.deal.sourced.v1", DealSourced.class, Topics.DEALS),

    OBJECTIVE_SET("salespulse.objective.set.v1", ObjectiveSet.class, Topics.OBJECTIVES),
    OBJECTIVE_UPDATED("salespulse.objective.updated.v1", ObjectiveUpdated.class, Topics.OBJECTIVES),
    OBJECTIVE_CANCELLED("salespulse.objective.cancelled.v1", ObjectiveCancelled.class, Topics.OBJECTIVES),

    CONTRACT_CHANGED("salespulse.contract.changed.v1", ContractChanged.class, Topics.ACCOUNTS),
    RENEWAL_OPENED("salespulse.renewal.opened.v1", RenewalOpened.class, Topics.ACCOUNTS),
    ACCOUNT_HEALTH_UPDATED("salespulse.account.health-updated.v1", AccountHealthUpdated.class, Topics.ACCOUNTS),
    NPS_ANSWERED("salespulse.nps.answered.v1", NpsAnswered.class, Topics.ACCOUNTS),

    TEAM_CHANGED("salespulse.team.changed.v1", TeamChanged.class, Topics.ORG),
    REP_CHANGED("salespulse.rep.changed.v1", RepChanged.class, Topics.ORG),
    REP_ABSENCE("salespulse.rep.absence.v1", RepAbsence.class, Topics.ORG),
    BACKFILL("salespulse.backfill.v1", Backfill.class, Topics.ORG),
    UNIT_CHANGED("salespulse.unit.changed.v1", UnitChanged.class, Topics.ORG),

    REP_DAY_KPIS_UPDATED("salespulse.kpi.rep-day-updated.v1", RepDayKpisUpdated.class, Topics.KPIS),
    OBJECTIVE_PROGRESSED("salespulse.kpi.objective-progressed.v1", ObjectiveProgressed.class, Topics.KPIS),
    PIPELINE_REVIEWED("salespulse.kpi.pipeline-reviewed.v1", PipelineReviewed.class, Topics.KPIS),

    SIGNAL_RAISED("salespulse.signal.raised.v1", SignalRaised.class, Topics.SIGNALS),
    SIGNAL_UPDATED("salespulse.signal.updated.v1", SignalUpdated.class, Topics.SIGNALS),
    SIGNAL_ACKNOWLEDGED("salespulse.signal.acknowledged.v1", SignalAcknowledged.class, Topics.SIGNALS),
    SIGNAL_RESOLVED("salespulse.signal.resolved.v1", SignalResolved.class, Topics.SIGNALS),
    PULSE_INVITED("salespulse.pulse.invited.v1", PulseInvited.class, Topics.SIGNALS);

    private static final Map<String, EventType> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::typeName, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::recordType, Function.identity()));

    private final String typeName;
    private final Class<? extends SalesPulseEvent> recordType;
    private final String topic;

    EventType(String typeName, Class<? extends SalesPulseEvent> recordType, String topic) {
        this.typeName = typeName;
        this.recordType = recordType;
        this.topic = topic;
    }

    /** The CloudEvents {@code type}, e.g. {@code salespulse.call.logged.v1}. */
    public String typeName() {
        return typeName;
    }

    /** The record that carries this event's data. */
    public Class<? extends SalesPulseEvent> recordType() {
        return recordType;
    }

    /** The topic this event is published to. */
    public String topic() {
        return topic;
    }

    /** The type with this CloudEvents type name, if it is one of ours. */
    public static Optional<EventType> fromTypeName(String typeName) {
        return Optional.ofNullable(BY_NAME.get(typeName));
    }

    /** The type of an event record. */
    public static EventType of(SalesPulseEvent event) {
        EventType type = BY_CLASS.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException(
                    "Not a SalesPulse event record: " + event.getClass().getName());
        }
        return type;
    }
}
