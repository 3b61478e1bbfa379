package io.salespulse.activity.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Ingestion counters, tagged by channel (the configured source name or CRM: bounded, never free text):
 * {@code salespulse_events_accepted_total}, {@code _duplicates_total}, {@code _rejected_total{reason}},
 * {@code _unattributed_total}.
 */
@Component
public class IngestMetrics {

    private final MeterRegistry meters;

    IngestMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    public void accepted(String channel, int count) {
        counter("salespulse.events.accepted", channel).increment(count);
    }

    public void duplicates(String channel, int count) {
        counter("salespulse.events.duplicates", channel).increment(count);
    }

    public void unattributed(String channel, int count) {
        counter("salespulse.events.unattributed", channel).increment(count);
    }

    /**
     * A rejected request; reason is one of a fixed set: unauthorized, forbidden, invalid, too_large,
     * unsupported_media_type, rate_limited, unavailable; or events of a CRM batch refused one by one: invalid_event.
     */
    public void rejected(String channel, String reason) {
        rejected(channel, reason, 1);
    }

    public void rejected(String channel, String reason, int count) {
        Counter.builder("salespulse.events.rejected")
                .tag("channel", channel)
                .tag("reason", reason)
                .description("Ingest requests (or events of a CRM batch) rejected")
                .register(meters)
                .increment(count);
    }

    private Counter counter(String name, String channel) {
        return Counter.builder(name).tag("channel", channel).register(meters);
    }
}
