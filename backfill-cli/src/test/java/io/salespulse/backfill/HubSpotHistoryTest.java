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
 * The HubSpot pull against WireMock stubs serving responses shaped like HubSpot's CRM v3 documentation ({@code results},
 * {@code properties}, {@code propertiesWithHistory}, {@code associations}, {@code paging.next.after}): it follows the
 * pages, waits out a {@code 429}, turns a deal's stage history into one update per stage (oldest first) and maps
 * owners to reps.
 */
class HubSpotHistoryTest {

    WireMockServer hubspot;

    @BeforeEach
    void start() {
        hubspot = new WireMockServer(wireMockConfig().dynamicPort());
        hubspot.start();
    }

    @AfterEach
    void stop() {
        hubspot.stop();
    }

    @Test
    void followsThePagesSurvivesA429AndTellsEachStageADealWentThrough() throws Exception {
        hubspot.stubFor(get(urlPathEqualTo("/crm/v3/objects/deals"))
                .withQueryParam("after", absent())
                .willReturn(okJson("""
                {"results":[{"id":"9001","properties":{"dealname":"Acme renewal","amount":"24000","dealstage":"closedwon",
                   "closedate":"2026-11-20T00:00:00.000Z","createdate":"2026-10-01T08:00:00.000Z","hubspot_owner_id":"512"},
                  "propertiesWithHistory":{"dealstage":[
                    {"value":"closedwon","timestamp":"2026-11-20T15:00:00.000Z","sourceType":"CRM_UI"},
                    {"value":"contractsent","timestamp":"2026-11-02T10:00:00.000Z","sourceType":"CRM_UI"},
                    {"value":"appointmentscheduled","timestamp":"2026-10-01T08:00:00.000Z","sourceType":"CRM_UI"}]},
                  "createdAt":"2026-10-01T08:00:00.000Z","updatedAt":"2026-11-20T15:00:00.000Z","archived":false}],
                 "paging":{"next":{"after":"9001","link":"?after=9001"}}}""")));
        hubspot.stubFor(get(urlPathEqualTo("/crm/v3/objects/deals"))
                .withQueryParam("after", equalTo("9001"))
                .willReturn(okJson("""
                {"results":[{"id":"9002","properties":{"dealname":"Orphan","amount":"100","dealstage":"qualifiedtobuy",
                   "hubspot_owner_id":"999"},"propertiesWithHistory":{"dealstage":[
                    {"value":"qualifiedtobuy","timestamp":"2026-11-10T10:00:00.000Z"}]}}]}""")));
        // The calls: HubSpot's rate limit first, then the page.
        hubspot.stubFor(get(urlPathEqualTo("/crm/v3/objects/calls"))
                .inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(
                        aResponse()
                                .withStatus(429)
                                .withHeader("Retry-After", "1")
                                .withBody(
                                        "{\"status\":\"error\",\"message\":\"You have reached your secondly limit.\",\"category\":\"RATE_LIMITS\"}"))
                .willSetStateTo("calm"));
        hubspot.stubFor(get(urlPathEqualTo("/crm/v3/objects/calls"))
                .inScenario("limit")
                .whenScenarioStateIs("calm")
                .willReturn(okJson("""
                {"results":[{"id":"301","properties":{"hs_timestamp":"2026-11-18T09:00:00.000Z","hs_call_duration":"240000",
                   "hs_call_disposition":"f240bbac-87c9-4f6e-bf70-924b57d47db7","hubspot_owner_id":"512"},
                  "associations":{"deals":{"results":[{"id":"9001","type":"call_to_deal"}]}}}]}""")));
        hubspot.stubFor(get(urlPathEqualTo("/crm/v3/objects/meetings")).willReturn(okJson("""
                {"results":[{"id":"401","properties":{"hs_timestamp":"2026-11-19T14:00:00.000Z","hs_meeting_start_time":"2026-11-19T14:00:00.000Z",
                   "hs_meeting_outcome":"COMPLETED","hs_createdate":"2026-11-12T08:00:00.000Z","hubspot_owner_id":"512"}}]}""")));
        hubspot.stubFor(get(urlPathEqualTo("/crm/v3/objects/emails")).willReturn(okJson("""
                {"results":[{"id":"501","properties":{"hs_timestamp":"2026-11-18T10:00:00.000Z","hubspot_owner_id":"512",
                   "hs_email_direction":"EMAIL"}},{"id":"502","properties":{"hs_timestamp":"2026-11-18T11:00:00.000Z",
                   "hubspot_owner_id":"512","hs_email_direction":"INCOMING_EMAIL"}}]}""")));

        HubSpotHistory history = new HubSpotHistory(
                hubspot.baseUrl(), "pat-token", Map.of("512", "ae-ines"), HubSpotHistory.DEFAULT_STAGES, "EUR");
        CsvHistory.Contents contents = history.read();

        assertThat(contents.read()).isEqualTo(6);
        assertThat(contents.lines())
                .extracting(CsvHistory.Line::type)
                .containsExactly(
                        "salespulse.deal.updated.v1",
                        "salespulse.deal.updated.v1",
                        "salespulse.deal.updated.v1",
                        "salespulse.call.logged.v1",
                        "salespulse.meeting.booked.v1",
                        "salespulse.meeting.held.v1",
                        "salespulse.email.sent.v1");
        assertThat(contents.lines().subList(0, 3))
                .extracting(line -> line.data().get("stage").asString())
                .containsExactly("NEW", "NEGOTIATION", "WON");
        assertThat(contents.lines().get(2).data().get("dealId").asString()).isEqualTo("hubspot-9001");
        assertThat(contents.lines().get(2).data().get("amount").decimalValue()).isEqualByComparingTo("24000");
        assertThat(contents.lines().get(3).data().get("outcome").asString()).isEqualTo("CONNECTED");
        assertThat(contents.lines().get(3).data().get("durationSeconds").asInt())
                .isEqualTo(240);
        assertThat(contents.lines().get(3).data().get("dealId").asString()).isEqualTo("hubspot-9001");
        assertThat(contents.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("owner 999"));
        assertThat(history.waits()).isEqualTo(1);
        hubspot.verify(2, getRequestedFor(urlPathEqualTo("/crm/v3/objects/deals")));
        hubspot.verify(2, getRequestedFor(urlPathEqualTo("/crm/v3/objects/calls")));
        hubspot.verify(getRequestedFor(urlPathEqualTo("/crm/v3/objects/deals"))
                .withHeader("Authorization", equalTo("Bearer pat-token"))
                .withQueryParam("propertiesWithHistory", equalTo("dealstage")));
    }
}
