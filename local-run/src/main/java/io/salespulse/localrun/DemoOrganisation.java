package io.salespulse.localrun;

import io.salespulse.localrun.demo.DemoCast;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * The demo organisation ({@link DemoCast}), loaded through the roster API like any admin would: a team in
 * Europe/Paris and one in America/New_York, each with a manager, two SDRs and two AEs (juniors and seniors) and a
 * customer success manager, with their
 * HubSpot and Pipedrive ids, under a company unit (in euros) with Europe and the Americas, Nadia its director; Paris
 * works France's public holidays (New York names no calendar: Thanksgiving would
 * shift Ethan's storyline across the edge of an activity drop); Hugo is on leave next week.
 */
public final class DemoOrganisation {

    public static final String TEAM = DemoCast.PARIS.teamId();
    public static final String MANAGER = DemoCast.PARIS.managerId();
    public static final String LEADERSHIP = "lead-sophie";
    public static final String ADMIN = "admin-local";
    /** The rep whose own view the local run shows (role REP). */
    public static final String REP = "sdr-lea";

    public static final List<String> REPS = DemoCast.REPS.stream()
            .filter(r -> r.teamId().equals(TEAM))
            .map(DemoCast.Rep::repId)
            .toList();

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DemoOrganisation() {}

    public static void load(String activityUrl, String adminToken, Clock clock)
            throws IOException, InterruptedException {
        for (DemoCast.Team team : DemoCast.TEAMS) {
            put(adminToken, activityUrl + "/api/v1/teams/" + team.teamId(), """
                    {"name":"%s","timezone":"%s","locale":"%s","managerIds":["%s"],
                     "workingDays":["MON","TUE","WED","THU","FRI"],"holidayCountry":%s,"care":{"pulse":%s}}""".formatted(
                            team.name(),
                            team.zone(),
                            team.locale(),
                            team.managerId(),
                            team.country() == null ? "null" : "\"" + team.country() + "\"",
                            // Paris runs the weekly team pulse.
                            team == DemoCast.PARIS));
        }
        // The organisation's tree: the company over Europe (Paris) and the Americas (New York), Nadia its director.
        for (DemoCast.Unit unit : DemoCast.UNITS) {
            put(adminToken, activityUrl + "/api/v1/units/" + unit.unitId(), """
                    {"name":"%s","parentId":%s,"headIds":[%s],"teamIds":[%s],"reportingCurrency":"%s","locale":"%s","timezone":"%s"}""".formatted(
                    unit.name(),
                    unit.parentId() == null ? "null" : "\"" + unit.parentId() + "\"",
                    unit.headId() == null ? "" : "\"" + unit.headId() + "\"",
                    String.join(
                            ",",
                            unit.teamIds().stream().map(t -> "\"" + t + "\"").toList()),
                    unit.currency(),
                    unit.locale(),
                    unit.zone().getId()));
        }
        for (var person : DemoCast.PEOPLE.entrySet()) {
            put(adminToken, activityUrl + "/api/v1/people/" + person.getKey(), """
                    {"displayName":"%s"}""".formatted(person.getValue()));
        }
        LocalDate today = LocalDate.now(clock.withZone(DemoCast.PARIS.zone()));
        for (DemoCast.Rep rep : DemoCast.everyone()) {
            put(adminToken, activityUrl + "/api/v1/reps/" + rep.repId(), """
                    {"displayName":"%s","teamId":"%s","role":"%s","seniority":"%s","startDate":"%s",
                     "externalIds":{"hubspot":"%s","pipedrive":"%s"},"active":true,"email":"%s@example.com"}""".formatted(
                            rep.name(),
                            rep.teamId(),
                            rep.role(),
                            rep.seniority(),
                            rep.startDate(today),
                            rep.hubspotId(),
                            rep.pipedriveId(),
                            rep.repId()));
        }
        // Next week's leave: the same id every run, so a restart changes nothing.
        LocalDate monday = io.salespulse.localrun.demo.DemoStory.hugosLeave(today);
        put(adminToken, activityUrl + "/api/v1/reps/" + HUGO + "/absences/demo-leave-" + monday, """
                {"from":"%s","to":"%s","kind":"LEAVE"}""".formatted(
                        monday, monday.plusDays(4)));
    }

    /** The rep on leave next week. */
    public static final String HUGO = "sdr-hugo";

    /** PUTs a JSON body with an admin's token; anything but 200 is an error naming the answer. */
    public static void put(String adminToken, String url, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + adminToken)
                        .PUT(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "PUT " + url + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
