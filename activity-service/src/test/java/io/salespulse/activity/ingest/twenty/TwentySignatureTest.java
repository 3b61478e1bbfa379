package io.salespulse.activity.ingest.twenty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Twenty's signature against a vector computed outside Java, and its time window. */
class TwentySignatureTest {

    static final byte[] BODY = "{\"event\":\"opportunity.updated\"}".getBytes(StandardCharsets.UTF_8);
    // printf '%s' '1795686570000:{"event":"opportunity.updated"}' | openssl dgst -sha256 -hmac twenty-secret -hex
    static final String VECTOR = "50d039365a81abfa92be41503eff4d031eaf0f7324fa6d4bcb40ffa11b48b65f";
    static final Instant SENT = Instant.ofEpochMilli(1795686570000L);

    @Test
    void matchesAVectorComputedIndependently() {
        assertThat(TwentySignature.sign("twenty-secret", "1795686570000", BODY)).isEqualTo(VECTOR);
        assertThatCode(() -> TwentySignature.verify(
                        "twenty-secret", BODY, "1795686570000", VECTOR.toUpperCase(), SENT.plusSeconds(60)))
                .doesNotThrowAnyException();
    }

    @Test
    void anotherBodySecretOrAnOldTimestampIsRefused() {
        byte[] other = "{\"event\":\"opportunity.deleted\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TwentySignature.verify("twenty-secret", other, "1795686570000", VECTOR, SENT))
                .hasMessageContaining("does not match");
        assertThatThrownBy(() -> TwentySignature.verify("other", BODY, "1795686570000", VECTOR, SENT))
                .hasMessageContaining("does not match");
        assertThatThrownBy(() ->
                        TwentySignature.verify("twenty-secret", BODY, "1795686570000", VECTOR, SENT.plusSeconds(301)))
                .hasMessageContaining("5 minutes");
    }
}
