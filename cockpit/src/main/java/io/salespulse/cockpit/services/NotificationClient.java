package io.salespulse.cockpit.services;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.salespulse.cockpit.services.Services.Service;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** notification-service's preferences, delivery log and celebration channel, typed ({@link ReadFrom}). */
@Component
public class NotificationClient {

    private final Services services;

    NotificationClient(Services services) {
        this.services = services;
    }

    /** A manager's preferences (empty while none were saved). */
    public Optional<Preferences> preferences(String managerId) {
        return services.find(
                Service.NOTIFICATION, Preferences.class, "/api/v1/managers/{managerId}/preferences", managerId);
    }

    /** A manager's last {@code limit} deliveries, newest first. */
    public List<Delivery> deliveries(String managerId, int limit) {
        return services.readList(
                Service.NOTIFICATION,
                Delivery.class,
                "/api/v1/managers/{managerId}/notifications?limit={limit}",
                managerId,
                limit);
    }

    /** Queues a test message on each of the manager's channels. */
    public Queued testMessage(String managerId) {
        return Services.as(
                services.post(Service.NOTIFICATION, Map.of(), "/api/v1/managers/{managerId}/test-message", managerId),
                Queued.class);
    }

    /** A team's wall links in force, the latest first. */
    public List<WallLink> walls(String teamId) {
        return services.readList(Service.NOTIFICATION, WallLink.class, "/api/v1/teams/{teamId}/walls", teamId);
    }

    /** Creates a link to the team's wall: its key is told this once. */
    public CreatedWall createWall(String teamId) {
        return Services.as(
                services.post(Service.NOTIFICATION, Map.of(), "/api/v1/teams/{teamId}/walls", teamId),
                CreatedWall.class);
    }

    /** Revokes a link to the team's wall. */
    public void revokeWall(String teamId, String wallId) {
        services.delete(Service.NOTIFICATION, "/api/v1/teams/{teamId}/walls/{wallId}", teamId, wallId);
    }

    /** The wall a link opens with its key (no session: the key is the credential); empty for no such link. */
    public java.util.Optional<WallBoard> wallBoard(String wallId, String key) {
        return services.findWithoutSession(
                Service.NOTIFICATION,
                WallBoard.class,
                Map.of("X-Wall-Key", key),
                "/api/v1/walls/{wallId}/board",
                wallId);
    }

    /** A wall link as listed. */
    @ReadFrom(service = "notification-service", schema = "WallView")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WallLink(String wallId, String teamId, String createdBy, Instant createdAt) {}

    /** A wall link just created, with its key. */
    @ReadFrom(service = "notification-service", schema = "CreatedView")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CreatedWall(String wallId, String teamId, String key) {}

    /** What a team's wall shows. */
    @ReadFrom(service = "notification-service", schema = "WallBoard")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WallBoard(
            String teamId,
            String teamName,
            String locale,
            java.time.LocalDate today,
            java.time.LocalDate weekFrom,
            WallFigures todayFigures,
            WallFigures weekFigures,
            List<WallPlace> leaderboard,
            List<WallWin> wins) {

        public WallBoard {
            leaderboard = leaderboard == null ? List.of() : List.copyOf(leaderboard);
            wins = wins == null ? List.of() : List.copyOf(wins);
        }
    }

    /** A span's counts on the wall. */
    @ReadFrom(service = "notification-service", schema = "WallFigures")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WallFigures(long calls, long connectedCalls, long meetingsBooked, long dealsWon) {}

    /** A rep's place in the week's calls. */
    @ReadFrom(service = "notification-service", schema = "WallPlace")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WallPlace(int rank, String name, long calls) {}

    /** A recognition the team sees. */
    @ReadFrom(service = "notification-service", schema = "WallWin")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WallWin(String title, Instant at) {}

    /** A team's celebration channel ({@code enabled} false when never set). */
    public Channel celebrations(String teamId) {
        return services.read(Service.NOTIFICATION, Channel.class, "/api/v1/teams/{teamId}/celebrations", teamId);
    }

    /**
     * A manager's preferences as the API shows them (webhook URLs by host only, the secret only as set or not).
     *
     * @param revision its revision, for {@code If-Match}
     */
    @ReadFrom(service = "notification-service", schema = "PreferencesView")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Preferences(
            String email,
            String slackWebhookUrl,
            String teamsWebhookUrl,
            String webhookUrl,
            boolean webhookSecretSet,
            String locale,
            String timezone,
            QuietHours quietHours,
            String minSeverity,
            Digest digest,
            String recognitions,
            Long revision) {}

    /** Quiet hours, local times {@code HH:mm}. */
    @ReadFrom(service = "notification-service", schema = "QuietHours")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record QuietHours(String from, String to) {}

    /** The digests' times: daily {@code HH:mm}, weekly {@code MON 08:30}. */
    @ReadFrom(service = "notification-service", schema = "Digest")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Digest(String daily, String weekly) {}

    /**
     * A delivery of the log.
     *
     * @param title  the signal's title, in the manager's language (null for SalesPulse's own messages)
     * @param type   the signal type, or the kind of own message (DAILY_DIGEST, TEST_MESSAGE...)
     * @param detail the last outcome, or why it is kept or suppressed
     */
    @ReadFrom(service = "notification-service", schema = "DeliveryView")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Delivery(
            String title,
            String type,
            String channel,
            String status,
            String detail,
            String reason,
            Instant createdAt) {}

    /** A test message queued, and on which channels. */
    @ReadFrom(service = "notification-service", schema = "Queued")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Queued(String testId, List<String> channels) {

        public Queued {
            channels = channels == null ? List.of() : List.copyOf(channels);
        }
    }

    /** A team's celebration channel (URLs by host only) and the reps who would rather not be posted. */
    @ReadFrom(service = "notification-service", schema = "ChannelView")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Channel(
            boolean enabled,
            String slackWebhookUrl,
            String teamsWebhookUrl,
            String locale,
            List<String> repsNotPosted) {

        public Channel {
            repsNotPosted = repsNotPosted == null ? List.of() : List.copyOf(repsNotPosted);
        }
    }
}
