package io.salespulse.notification.preferences;

import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.signal.Severity;
import io.salespulse.kit.web.Bounded;
import io.salespulse.kit.web.InvalidRequestException;
import io.salespulse.kit.web.NotFoundException;
import io.salespulse.kit.web.PreconditionFailedException;
import io.salespulse.kit.web.Revisions;
import io.salespulse.notification.channels.Channel;
import io.salespulse.notification.outbound.OutboundPolicy;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A manager's notification preferences. Webhook URLs and the signing secret are secrets: they are stored, never
 * returned in clear (a URL shows its host only, the secret only whether it is set). A URL must pass the
 * {@link OutboundPolicy}.
 */
@RestController
class PreferencesController {

    private final PreferencesStore store;
    private final OutboundPolicy outbound;

    PreferencesController(PreferencesStore store, OutboundPolicy outbound) {
        this.store = store;
        this.outbound = outbound;
    }

    /** Preferences as the API shows them; {@code revision} counts their changes (the ETag, for {@code If-Match}). */
    record PreferencesView(
            String managerId,
            String email,
            String slackWebhookUrl,
            String teamsWebhookUrl,
            String webhookUrl,
            boolean webhookSecretSet,
            Language locale,
            String timezone,
            PreferencesRequest.QuietHours quietHours,
            Severity minSeverity,
            PreferencesRequest.Digest digest,
            Recognitions recognitions,
            long revision) {

        static PreferencesView of(Preferences p, long revision) {
            return new PreferencesView(
                    p.managerId(),
                    p.target(Channel.EMAIL),
                    mask(p.target(Channel.SLACK)),
                    mask(p.target(Channel.TEAMS)),
                    mask(p.target(Channel.WEBHOOK)),
                    p.webhookSecret() != null && !p.webhookSecret().isBlank(),
                    p.locale(),
                    p.timezone(),
                    p.quietFrom() == null
                            ? null
                            : new PreferencesRequest.QuietHours(
                                    p.quietFrom().toString(), p.quietTo().toString()),
                    p.minSeverity(),
                    new PreferencesRequest.Digest(p.dailyDigestAt().toString(), p.weeklyDigest()),
                    p.recognitionsOrDefault(),
                    revision);
        }

        private static String mask(String url) {
            return OutboundPolicy.masked(url);
        }
    }

    @Operation(summary = "Set a manager's notification preferences")
    @PutMapping("/api/v1/managers/{managerId}/preferences")
    ResponseEntity<PreferencesView> put(
            @PathVariable @Bounded String managerId,
            @Valid @RequestBody PreferencesRequest request,
            @RequestHeader(value = Revisions.IF_MATCH, required = false) String ifMatch) {
        Optional<Long> revision = store.revision(managerId);
        Revisions.check(ifMatch, revision);
        String timezone = request.timezone() == null ? "UTC" : request.timezone();
        try {
            ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw new InvalidRequestException("timezone", "must be an IANA time zone such as Europe/Paris");
        }
        // A secret sent back as GET showed it (masked) keeps what is stored: a form can change the rest without them.
        Optional<Preferences> held = store.of(managerId);
        Map<Channel, String> targets = new EnumMap<>(Channel.class);
        request.targets().forEach((channel, requested) -> {
            String target = channel.isUrl()
                    ? keep(requested, held.map(p -> p.target(channel)).orElse(null))
                    : requested;
            if (target != null) {
                if (channel.isUrl()) {
                    refuseTarget(PreferencesRequest.field(channel), channel, target);
                }
                targets.put(channel, target);
            }
        });
        String webhook = targets.get(Channel.WEBHOOK);
        String secret = request.webhookSecret();
        if ((secret == null || secret.isBlank())
                && webhook != null
                && webhook.equals(held.map(p -> p.target(Channel.WEBHOOK)).orElse(null))) {
            secret = held.get().webhookSecret();
        }
        if (webhook != null && (secret == null || secret.isBlank())) {
            throw new InvalidRequestException(
                    "webhookSecret", "is required with a webhookUrl (calls are signed with it)");
        }
        PreferencesRequest.QuietHours quiet = request.quietHours();
        if (quiet != null && (quiet.from() == null) != (quiet.to() == null)) {
            // Half of the quiet hours (a form with one field left empty): both ends, or neither.
            throw new InvalidRequestException(
                    quiet.from() == null ? "quietHours.from" : "quietHours.to",
                    "is required with quietHours." + (quiet.from() == null ? "to" : "from")
                            + " (quiet hours need both ends; leave both empty for none)");
        }
        PreferencesRequest.Digest digest = request.digest();
        Preferences preferences = new Preferences(
                managerId,
                targets,
                secret,
                request.locale() == null ? Language.en : Language.valueOf(request.locale()),
                timezone,
                quiet == null || quiet.from() == null ? null : LocalTime.parse(quiet.from()),
                quiet == null || quiet.to() == null ? null : LocalTime.parse(quiet.to()),
                request.minSeverity() == null ? Severity.WARNING : Severity.valueOf(request.minSeverity()),
                digest == null || digest.daily() == null ? LocalTime.parse("08:30") : LocalTime.parse(digest.daily()),
                digest == null || digest.weekly() == null ? "MON 08:30" : digest.weekly(),
                request.recognitions() == null ? Recognitions.INSTANT : Recognitions.valueOf(request.recognitions()));
        if (!store.save(preferences, revision.orElse(-1L))) {
            throw new PreconditionFailedException(
                    "The preferences changed while yours were being saved: read them again",
                    store.revision(managerId).map(Revisions::etag).orElse(null));
        }
        long saved = revision.orElse(-1L) + 1;
        return ResponseEntity.ok().eTag(Revisions.etag(saved)).body(PreferencesView.of(preferences, saved));
    }

    /** The stored URL when the request names it as GET shows it (masked), else the request's. */
    private static String keep(String requested, String stored) {
        return OutboundPolicy.keepIfMasked(requested, stored);
    }

    /** A target the outbound policy refuses is a 400 naming the field (a name that does not resolve yet is taken). */
    private void refuseTarget(String field, Channel channel, String url) {
        if (url != null && outbound.check(channel, url) instanceof OutboundPolicy.Verdict.Refused refused) {
            throw new InvalidRequestException(field, refused.reason());
        }
    }

    @Operation(summary = "A manager's notification preferences")
    @GetMapping("/api/v1/managers/{managerId}/preferences")
    ResponseEntity<PreferencesView> get(@PathVariable String managerId) {
        Preferences stored =
                store.of(managerId).orElseThrow(() -> new NotFoundException("No preferences for " + managerId));
        long revision = store.revision(managerId).orElse(0L);
        return ResponseEntity.ok().eTag(Revisions.etag(revision)).body(PreferencesView.of(stored, revision));
    }
}
