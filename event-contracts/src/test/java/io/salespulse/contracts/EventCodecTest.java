package io.salespulse.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salespulse.contracts.activity.ActivityEvent;
import io.salespulse.contracts.activity.CallLogged;
import io.salespulse.contracts.activity.CallOutcome;
import io.salespulse.contracts.activity.EmailSent;
import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.deal.DealStageChanged;
import io.salespulse.contracts.org.OrgEvent;
import io.salespulse.contracts.org.TeamChanged;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private final Instant at = Instant.parse("2026-11-24T09:15:00Z");

    @Test
    void envelopeSurvivesBinaryModeHeadersAndJsonValue() {
        CallLogged call = new CallLogged("rep-1", "c-1", CallOutcome.CONNECTED, 120, null, at);
        EventEnvelope envelope = EventEnvelope.of("evt-1", "/activity-service/api", call);

        Map<String, String> headers = EventCodec.headers(envelope);
        assertThat(headers)
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_id", "evt-1")
                .containsEntry("ce_type", "salespulse.call.logged.v1")
                .containsEntry("ce_source", "/activity-service/api")
                .containsEntry("ce_time", "2026-11-24T09:15:00Z")
                .containsEntry("ce_subject", "rep-1")
                .containsEntry("content-type", "application/json");

        EventEnvelope decoded = EventCodec.decode(headers, EventCodec.toJson(call));
        assertThat(decoded).isEqualTo(envelope);
        assertThat(decoded.topic()).isEqualTo(Topics.ACTIVITIES);
        assertThat(decoded.key()).isEqualTo("rep-1");
    }

    @Test
    void nullFieldsAreLeftOutOfTheJson() {
        String json = new String(EventCodec.toJson(new EmailSent("rep-1", null, at)), StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("dealId");
    }

    @Test
    void unknownFieldsFromANewerProducerAreIgnored() {
        byte[] json = "{\"repId\":\"r\",\"occurredAt\":\"2026-11-24T09:15:00Z\",\"addedLater\":1}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(EventCodec.fromJson(EventType.EMAIL_SENT, json)).isEqualTo(new EmailSent("r", null, at));
    }

    @Test
    void recordsAreKeyedByTheAggregateThatOrdersThem() {
        assertThat(new EmailSent(null, null, at).partitionKey()).isEqualTo(ActivityEvent.UNATTRIBUTED);
        assertThat(new DealStageChanged("d-1", "r", DealStage.NEW, DealStage.QUALIFIED, 2, Money.of("1", "EUR"), at)
                        .partitionKey())
                .isEqualTo("d-1");
        assertThat(new TeamChanged("t-1", "T", "Europe/Paris", null, List.of(), Set.of(), at).partitionKey())
                .isEqualTo(OrgEvent.teamKey("t-1"));
    }

    @Test
    void stageMovesForwardOnlyTowardsAWin() {
        Money m = Money.of("1", "EUR");
        assertThat(new DealStageChanged("d", "r", DealStage.DISCOVERY, DealStage.PROPOSAL, 1, m, at).movesForward())
                .isTrue();
        assertThat(new DealStageChanged("d", "r", DealStage.PROPOSAL, DealStage.DISCOVERY, 1, m, at).movesForward())
                .isFalse();
        assertThat(new DealStageChanged("d", "r", DealStage.PROPOSAL, DealStage.LOST, 1, m, at).movesForward())
                .isFalse();
    }

    @Test
    void unknownTypeMissingHeaderAndBadDataAreDecodingErrors() {
        Map<String, String> headers =
                new HashMap<>(EventCodec.headers(EventEnvelope.of("e", "/s", new EmailSent("r", null, at))));
        byte[] good = EventCodec.toJson(new EmailSent("r", null, at));

        headers.put("ce_type", "salespulse.unknown.v1");
        assertThatThrownBy(() -> EventCodec.decode(headers, good))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("Unknown event type");

        headers.put("ce_type", EventType.EMAIL_SENT.typeName());
        headers.remove("ce_id");
        assertThatThrownBy(() -> EventCodec.decode(headers, good)).hasMessageContaining("ce_id");

        headers.put("ce_id", "e");
        assertThatThrownBy(() -> EventCodec.decode(headers, "{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDecodingException.class);
    }
}
