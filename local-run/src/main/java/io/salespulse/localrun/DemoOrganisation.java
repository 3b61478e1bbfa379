package io.salespulse.localrun;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * A small demo organisation, loaded through the roster API like any admin would: one team in Europe/Paris with one
 * manager, two SDRs and two AEs (juniors and seniors), with their HubSpot and Pipedrive ids.
 */
final class DemoOrganisation {

    static final String TEAM = "team-paris";
    static final String MANAGER = "mgr-camille";
    static final String LEADERSHIP = "lead-sophie";
    static final String ADMIN = "admin-local";
    static final List<String> REPS = List.of("sdr-lea", "sdr-hugo", "ae-ines", "ae-marc");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DemoOrganisation() {
    }

    static void load(String activityUrl, String adminToken) throws IOException, InterruptedException {
        put(adminToken, activityUrl + "/api/v1/teams/" + TEAM, """
                {"name":"Paris Mid-Market","timezone":"Europe/Paris","locale":"fr","managerIds":["%s"],
                 "workingDays":["MON","TUE","WED","THU","FRI"]}""".formatted(MANAGER));
        rep(adminToken, activityUrl, "sdr-lea", "Léa Martin", "SDR", "JUNIOR", "2026-03-02", "51001", "201");
        rep(adminToken, activityUrl, "sdr-hugo", "Hugo Bernard", "SDR", "SENIOR", "2023-09-04", "51002", "202");
        rep(adminToken, activityUrl, "ae-ines", "Inès Moreau", "AE", "SENIOR", "2022-01-10", "51003", "203");
        rep(adminToken, activityUrl, "ae-marc", "Marc Petit", "AE", "JUNIOR", "2025-11-03", "51004", "204");
    }

    private static void rep(String adminToken, String activityUrl, String id, String name, String role, String seniority, String start,
                            String hubspot, String pipedrive) throws IOException, InterruptedException {
        put(adminToken, activityUrl + "/api/v1/reps/" + id, """
                {"displayName":"%s","teamId":"%s","role":"%s","seniority":"%s","startDate":"%s",
                 "externalIds":{"hubspot":"%s","pipedrive":"%s"},"active":true}"""
                .formatted(name, TEAM, role, seniority, start, hubspot, pipedrive));
    }

    private static void put(String adminToken, String url, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + adminToken).PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("PUT " + url + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
