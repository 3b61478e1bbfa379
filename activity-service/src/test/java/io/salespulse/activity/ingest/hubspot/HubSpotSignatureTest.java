package io.salespulse.activity.ingest.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salespulse.kit.web.UnauthorizedException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HubSpotSignatureTest {

    static final String SECRET = "client-secret";
    static final String URI = "https://salespulse.example/webhooks/hubspot";
    static final byte[] BODY = "[{\"eventId\":1}]".getBytes(StandardCharsets.UTF_8);
    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    static final String TIMESTAMP = String.valueOf(NOW.minusSeconds(30).toEpochMilli());

    @Test
    void matchesAVectorComputedIndependently() {
        // HubSpot's documented v3 algorithm, computed outside Java:
        //   printf '%s' 'POSThttps://salespulse.example/webhooks/hubspot[{"eventId":1}]1795686570000' \
        //     | openssl dgst -sha256 -hmac client-secret -binary | base64
        String timestamp = "1795686570000";
        assertThat(HubSpotSignature.sign(SECRET, "POST", URI, BODY, timestamp))
                .isEqualTo("CEc9QHaNAKT+ryk0Y0aFbpdN0Nrf0+pR96AuOjWFJ4k=");
        assertThatCode(() -> HubSpotSignature.verify(
                        SECRET,
                        "POST",
                        URI,
                        BODY,
                        timestamp,
                        "CEc9QHaNAKT+ryk0Y0aFbpdN0Nrf0+pR96AuOjWFJ4k=",
                        Instant.ofEpochMilli(1795686570000L).plusSeconds(30)))
                .doesNotThrowAnyException();
    }

    @Test
    void genuineFreshRequestPasses() {
        String signature = HubSpotSignature.sign(SECRET, "POST", URI, BODY, TIMESTAMP);
        assertThatCode(() -> HubSpotSignature.verify(SECRET, "POST", URI, BODY, TIMESTAMP, signature, NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void anyChangeToBodyUriMethodOrSecretFails() {
        String signature = HubSpotSignature.sign(SECRET, "POST", URI, BODY, TIMESTAMP);
        byte[] tampered = "[{\"eventId\":2}]".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> HubSpotSignature.verify(SECRET, "POST", URI, tampered, TIMESTAMP, signature, NOW))
                .isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> HubSpotSignature.verify(SECRET, "POST", URI + "?x=1", BODY, TIMESTAMP, signature, NOW))
                .isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> HubSpotSignature.verify("other", "POST", URI, BODY, TIMESTAMP, signature, NOW))
                .isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void timestampsMoreThanFiveMinutesAwayAreRefusedEvenWhenSigned() {
        String old = String.valueOf(NOW.minusSeconds(301).toEpochMilli());
        String signature = HubSpotSignature.sign(SECRET, "POST", URI, BODY, old);
        assertThatThrownBy(() -> HubSpotSignature.verify(SECRET, "POST", URI, BODY, old, signature, NOW))
                .hasMessageContaining("5 minutes");
        String justInTime = String.valueOf(NOW.minusSeconds(299).toEpochMilli());
        String fresh = HubSpotSignature.sign(SECRET, "POST", URI, BODY, justInTime);
        assertThatCode(() -> HubSpotSignature.verify(SECRET, "POST", URI, BODY, justInTime, fresh, NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void missingHeadersOrSecretAreRefused() {
        assertThatThrownBy(() -> HubSpotSignature.verify(SECRET, "POST", URI, BODY, null, "x", NOW))
                .isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> HubSpotSignature.verify(SECRET, "POST", URI, BODY, TIMESTAMP, null, NOW))
                .isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> HubSpotSignature.verify("", "POST", URI, BODY, TIMESTAMP, "x", NOW))
                .isInstanceOf(UnauthorizedException.class);
    }
}
