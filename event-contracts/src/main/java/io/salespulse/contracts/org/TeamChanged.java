package io.salespulse.contracts.org;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A team as it now is (created or changed). Type {@code salespulse.team.changed.v1}, key {@code team:<teamId>}.
 *
 * @param teamId      the team
 * @param name        its name
 * @param timezone    its IANA time zone, e.g. {@code Europe/Paris}: days and weeks are counted in it
 * @param locale      the language of its messages
 * @param managerIds  its managers
 * @param workingDays the days that count for baselines and "days without"
 * @param occurredAt  when the change was made
 */
public record TeamChanged(String teamId, String name, String timezone, Language locale, List<String> managerIds,
                          Set<DayOfWeek> workingDays, Instant occurredAt) implements OrgEvent {

    @Override
    public String partitionKey() {
        return OrgEvent.teamKey(teamId);
    }
}
