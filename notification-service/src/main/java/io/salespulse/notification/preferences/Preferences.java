package io.salespulse.notification.preferences;

import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.signal.Severity;
import io.salespulse.notification.channels.Channel;
import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How and when a manager wants to be told.
 *
 * @param managerId       the manager
 * @param targets         where each channel the manager wants goes: an email address, a Slack incoming webhook, a
 *                        Microsoft Teams workflow webhook, a generic webhook (a channel not wanted is absent)
 * @param webhookSecret   the secret that signs generic webhook calls (never returned by the API)
 * @param locale          the language of messages
 * @param timezone        the manager's IANA time zone
 * @param quietFrom       start of quiet hours (local), or null
 * @param quietTo         end of quiet hours (local), or null; quiet hours are both ends or none (a half stored by an
 *                        earlier build reads as none)
 * @param minSeverity     signals below this are not sent
 * @param dailyDigestAt   local time of the daily digest
 * @param weeklyDigest    day and time of the weekly digest, e.g. {@code MON 08:30}
 * @param recognitions    how recognitions are sent ({@code null}, as stored before the setting existed: at once)
 */
public record Preferences(
        String managerId,
        Map<Channel, String> targets,
        String webhookSecret,
        Language locale,
        String timezone,
        LocalTime quietFrom,
        LocalTime quietTo,
        Severity minSeverity,
        LocalTime dailyDigestAt,
        String weeklyDigest,
        Recognitions recognitions) {

    public Preferences {
        if (quietFrom == null || quietTo == null) {
            quietFrom = null;
            quietTo = null;
        }
        Map<Channel, String> wanted = new EnumMap<>(Channel.class);
        if (targets != null) {
            targets.forEach((channel, target) -> {
                if (channel != null && target != null) {
                    wanted.put(channel, target);
                }
            });
        }
        targets = Collections.unmodifiableMap(wanted);
    }

    /** Where a channel goes, or null when the manager does not want it. */
    public String target(Channel channel) {
        return targets.get(channel);
    }

    /** How recognitions are sent: at once unless the manager chose otherwise. */
    public Recognitions recognitionsOrDefault() {
        return recognitions == null ? Recognitions.INSTANT : recognitions;
    }

    /** Whether a local time falls within quiet hours (which may span midnight). */
    public boolean isQuiet(LocalTime time) {
        if (quietFrom == null || quietTo == null || quietFrom.equals(quietTo)) {
            return false;
        }
        return quietFrom.isBefore(quietTo)
                ? !time.isBefore(quietFrom) && time.isBefore(quietTo)
                : !time.isBefore(quietFrom) || time.isBefore(quietTo);
    }
}
