package io.salespulse.backfill;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Pipedrive pull against WireMock stubs shaped like Pipedrive's API v2 documentation ({@code success}, {@code data},
 * {@code additional_data.next_cursor}): pages followed, a {@code 429} with {@code x-ratelimit-reset} waited out, a won
 * deal told as created then won, done calls and a held meeting.
 */
class PipedriveHistoryTest {

    WireMockServer pipedrive;

    @BeforeEach
    void start() {
        pipedrive = new WireMockServer(wireMockConfig().dynamicPort());
        pipedrive.start();
    }

    @AfterEach
    void stop() {
        pipedrive.stop();
    }

    @Test
    void followsTheCursorSurvivesA429AndTellsAWonDealAsCreatedThenWon() throws Exception {
        pipedrive.stubFor(get(urlPathEqualTo("/api/v2/deals"))
                .withQueryParam("cursor", absent())
                .inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("x-ratelimit-reset", "1")
                        .withBody("{\"success\":false,\"error\":\"Request over limit\"}"))
                .willSetStateTo("calm"));
        pipedrive.stubFor(get(urlPathEqualTo("/api/v2/deals"))
                .withQueryParam("cursor", absent())
                .inScenario("limit")
                .whenScenarioStateIs("calm")
                .willReturn(okJson("""
                {"success":true,"data":[{"id":991,"title":"Globex renewal","owner_id":42,"stage_id":4,"value":24000,"currency":"USD",
                  "status":"won","expected_close_date":"2026-11-20","add_time":"2026-10-01T08:00:00Z","update_time":"2026-11-20T15:00:00Z",
                  "won_time":"2026-11-20T15:00:00Z","lost_time":null}],
                 "additional_data":{"next_cursor":"eyJmaWVsZCI6ImlkIiwiaWQiOjk5MX0"}}""")));
        pipedrive.stubFor(get(urlPathEqualTo("/api/v2/deals"))
                .withQueryParam("cursor", equalTo("eyJmaWVsZCI6ImlkIiwiaWQiOjk5MX0"))
                .willReturn(okJson("""
                {"success":true,"data":[{"id":992,"title":"Initech","owner_id":42,"stage_id":2,"value":9000,"currency":"EUR",
                  "status":"open","add_time":"2026-11-10T08:00:00Z"}],"additional_data":{"next_cursor":null}}""")));
        pipedrive.stubFor(get(urlPathEqualTo("/api/v2/activities")).willReturn(okJson("""
                {"success":true,"data":[
                  {"id":9001,"type":"call","owner_id":42,"done":true,"duration":"00:04","deal_id":991,"marked_as_done_time":"2026-11-18T09:04:00Z"},
                  {"id":9002,"type":"meeting","owner_id":42,"done":true,"due_date":"2026-11-19","due_time":"14:00","add_time":"2026-11-12T08:00:00Z"},
                  {"id":9003,"type":"task","owner_id":42,"done":true}],"additional_data":{"next_cursor":null}}""")));

        PipedriveHistory history = new PipedriveHistory(
                pipedrive.baseUrl(), "api-token", Map.of("42", "ae-ines"), PipedriveHistory.DEFAULT_STAGES);
        CsvHistory.Contents contents = history.read();

        assertThat(contents.read()).isEqualTo(5);
        assertThat(contents.problems()).isEmpty();
        assertThat(contents.lines())
                .extracting(CsvHistory.Line::id)
                .containsExactly(
                        "pipedrive-deal:991:added",
                        "pipedrive-deal:991:won",
                        "pipedrive-deal:992:added",
                        "pipedrive-call:9001",
                        "pipedrive-meeting:9002:booked",
                        "pipedrive-meeting:9002:held");
        assertThat(contents.lines().get(0).data().get("stage").asString()).isEqualTo("PROPOSAL");
        assertThat(contents.lines().get(1).data().get("stage").asString()).isEqualTo("WON");
        assertThat(contents.lines().get(1).data().get("currency").asString()).isEqualTo("USD");
        assertThat(contents.lines().get(3).data().get("durationSeconds").asInt())
                .isEqualTo(240);
        assertThat(contents.lines().get(4).data().get("scheduledFor").asString())
                .isEqualTo("2026-11-19T14:00:00Z");
        assertThat(history.waits()).isEqualTo(1);
        pipedrive.verify(3, getRequestedFor(urlPathEqualTo("/api/v2/deals")));
        pipedrive.verify(
                getRequestedFor(urlPathEqualTo("/api/v2/activities")).withHeader("x-api-token", equalTo("api-token")));
    }
}
