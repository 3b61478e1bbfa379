package io.salespulse.activity.ingest.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.activity.outbox.AggregateLog;
import io.salespulse.contracts.activity.CallLogged;
import io.salespulse.contracts.activity.CallOutcome;
import io.salespulse.contracts.activity.MeetingBooked;
import io.salespulse.contracts.activity.MeetingHeld;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HubSpotEngagementsTest {

    static final Map<String, CallOutcome> DISPOSITIONS =
            Map.of("f240bbac-87c9-4f6e-bf70-924b57d47db7", CallOutcome.CONNECTED);
    static final Instant T = Instant.parse("2026-11-24T09:00:00Z");

    private static List<Object> run(HubSpotEngagement.Kind kind, HubSpotEngagements.Change... changes) {
        HubSpotEngagement state = null;
        List<Object> events = new ArrayList<>();
        for (HubSpotEngagements.Change change : changes) {
            AggregateLog.Step<HubSpotEngagement> step =
                    HubSpotEngagements.apply(state, kind, "901", change, DISPOSITIONS);
            state = step.state();
            events.addAll(step.events());
        }
        return events;
    }

    private static HubSpotEngagements.Change prop(String name, String value, String rep) {
        return new HubSpotEngagements.Change(name, value, rep, T.plusSeconds(5));
    }

    @Test
    void callBecomesOneCallLoggedOnceOwnerAndOutcomeAreKnownWhateverTheOrder() {
        HubSpotEngagements.Change created = new HubSpotEngagements.Change(null, null, null, T);
        List<Object> events = run(
                HubSpotEngagement.Kind.CALL,
                prop("hs_call_disposition", "f240bbac-87c9-4f6e-bf70-924b57d47db7", null),
                created,
                prop("hs_call_duration", "125000", null),
                prop("hubspot_owner_id", "51001", "sdr-lea"),
                prop("hs_call_disposition", "f240bbac-87c9-4f6e-bf70-924b57d47db7", null));
        assertThat(events).containsExactly(new CallLogged("sdr-lea", "901", CallOutcome.CONNECTED, 125, null, T));
    }

    @Test
    void callFromAnOwnerOutsideTheRosterIsKeptUnattributed() {
        List<Object> events = run(
                HubSpotEngagement.Kind.CALL,
                prop("hubspot_owner_id", "999", null),
                prop("hs_call_duration", "0", null));
        assertThat(events).singleElement().isInstanceOfSatisfying(CallLogged.class, call -> {
            assertThat(call.repId()).isNull();
            assertThat(call.outcome()).isEqualTo(CallOutcome.NO_ANSWER);
        });
    }

    @Test
    void meetingIsBookedWhenItsStartIsKnownAndHeldWhenCompleted() {
        List<Object> events = run(
                HubSpotEngagement.Kind.MEETING,
                new HubSpotEngagements.Change(null, null, null, T),
                prop("hubspot_owner_id", "51003", "ae-ines"),
                prop("hs_meeting_start_time", "2026-11-27T14:00:00Z", null),
                prop("hs_meeting_outcome", "SCHEDULED", null),
                prop("hs_meeting_outcome", "COMPLETED", null),
                prop("hs_meeting_outcome", "COMPLETED", null));
        Instant start = Instant.parse("2026-11-27T14:00:00Z");
        assertThat(events)
                .containsExactly(
                        new MeetingBooked("ae-ines", "901", start, null, T),
                        new MeetingHeld("ae-ines", "901", null, start));
    }
}
