package io.salespulse.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.notification.channels.Channel;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class PreferencesIT {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    io.salespulse.notification.preferences.PreferencesStore store;

    @Test
    void urlsSentBackMaskedAreKeptAndAnEmptySecretKeepsTheStoredOne() {
        String url = "http://localhost:" + port + "/api/v1/managers/mgr-keep/preferences";
        assertThat(Http.put(url, """
                {"slackWebhookUrl":"https://hooks.slack.com/services/T000/B000/KEEP","webhookUrl":"https://crm.example/hooks/keep",
                 "webhookSecret":"k33p","locale":"fr"}""").status()).isEqualTo(200);
        JsonNode shown = Http.get(url).json();
        // What a form sends back: the masked URLs as shown, no secret, another language and severity.
        Http.Answer again = Http.put(url, """
                {"slackWebhookUrl":"%s","webhookUrl":"%s","locale":"en","minSeverity":"CRITICAL"}""".formatted(
                shown.get("slackWebhookUrl").asString(), shown.get("webhookUrl").asString()));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        var kept = store.of("mgr-keep").orElseThrow();
        assertThat(kept.target(Channel.SLACK)).isEqualTo("https://hooks.slack.com/services/T000/B000/KEEP");
        assertThat(kept.target(Channel.WEBHOOK)).isEqualTo("https://crm.example/hooks/keep");
        assertThat(kept.webhookSecret()).isEqualTo("k33p");
        assertThat(kept.locale().name()).isEqualTo("en");
        // A new URL replaces; an empty one stops the channel; a masked URL of another host is refused by the policy.
        assertThat(Http.put(url, """
                {"slackWebhookUrl":"https://hooks.slack.com/services/T000/B000/NEW"}""").status()).isEqualTo(200);
        assertThat(store.of("mgr-keep").orElseThrow().target(Channel.SLACK)).endsWith("/NEW");
        assertThat(store.of("mgr-keep").orElseThrow().target(Channel.WEBHOOK)).isNull();
        Http.Answer foreign = Http.put(url, """
                {"slackWebhookUrl":"https://evil.example/…"}""");
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.json().get("errors").findValuesAsString("field")).containsExactly("slackWebhookUrl");
    }

    @Test
    void preferencesAreKeptAndSecretsNeverComeBackInClear() {
        String url = "http://localhost:" + port + "/api/v1/managers/mgr-camille/preferences";
        Http.Answer put = Http.put(url, """
                {"email":"camille@example.test","slackWebhookUrl":"https://hooks.slack.com/services/T000/B000/XXXX",
                 "webhookUrl":"https://crm.example/hooks/salespulse","webhookSecret":"s3cret","locale":"fr",
                 "timezone":"Europe/Paris","quietHours":{"from":"19:00","to":"08:00"},"minSeverity":"WARNING",
                 "digest":{"daily":"08:30","weekly":"MON 08:30"}}""");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        JsonNode got = Http.get(url).json();
        assertThat(got.get("email").asString()).isEqualTo("camille@example.test");
        assertThat(got.get("slackWebhookUrl").asString()).isEqualTo("https://hooks.slack.com/…");
        assertThat(got.get("webhookSecretSet").asBoolean()).isTrue();
        assertThat(got.toString()).doesNotContain("s3cret", "XXXX");
        assertThat(got.get("quietHours").get("from").asString()).isEqualTo("19:00");
        // Recognitions were not chosen: at once. Then turned to the digest.
        assertThat(got.get("recognitions").asString()).isEqualTo("INSTANT");
        assertThat(Http.put(url, """
                {"email":"camille@example.test","locale":"fr","minSeverity":"WARNING","recognitions":"DIGEST"}""").status()).isEqualTo(200);
        assertThat(Http.get(url).json().get("recognitions").asString()).isEqualTo("DIGEST");
    }

    @Test
    void badPreferencesNameEachField() {
        String url = "http://localhost:" + port + "/api/v1/managers/mgr-x/preferences";
        Http.Answer bad = Http.put(url, """
                {"email":"not-an-email","slackWebhookUrl":"ftp://x","locale":"de","minSeverity":"LOUD",
                 "quietHours":{"from":"25:00","to":"08:00"},"digest":{"weekly":"Monday"},"recognitions":"SOMETIMES"}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field"))
                .contains(
                        "email",
                        "slackWebhookUrl",
                        "locale",
                        "minSeverity",
                        "quietHours.from",
                        "digest.weekly",
                        "recognitions");
        assertThat(Http.put(url, "{\"webhookUrl\":\"https://x.example/h\"}")
                        .json()
                        .get("errors")
                        .findValuesAsString("field"))
                .containsExactly("webhookSecret");
        assertThat(Http.get("http://localhost:" + port + "/api/v1/managers/nobody/preferences")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void halfOfTheQuietHoursIsRefusedNamingTheMissingEndAndAHalfStoredEarlierStillReads() {
        String url = "http://localhost:" + port + "/api/v1/managers/mgr-half/preferences";
        // What the cockpit's form sent with one field left empty: a 400 naming the missing end, nothing stored.
        Http.Answer half = Http.put(url, "{\"locale\":\"fr\",\"quietHours\":{\"from\":\"22:00\"}}");
        assertThat(half.status()).isEqualTo(400);
        assertThat(half.json().get("errors").findValuesAsString("field")).containsExactly("quietHours.to");
        assertThat(Http.put(url, "{\"quietHours\":{\"to\":\"07:00\"}}")
                        .json()
                        .get("errors")
                        .findValuesAsString("field"))
                .containsExactly("quietHours.from");
        assertThat(Http.get(url).status()).isEqualTo(404);
        // Stored so by an earlier build: it reads, as no quiet hours, and the page can be saved again.
        mongo.getCollection("preferences")
                .insertOne(new org.bson.Document("_id", "mgr-half")
                        .append("managerId", "mgr-half")
                        .append("locale", "fr")
                        .append("timezone", "Europe/Paris")
                        .append("quietFrom", "22:00")
                        .append("minSeverity", "WARNING")
                        .append("dailyDigestAt", "08:30")
                        .append("weeklyDigest", "MON 08:30"));
        Http.Answer read = Http.get(url);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().hasNonNull("quietHours")).isFalse();
        assertThat(Http.put(url, "{\"locale\":\"fr\",\"quietHours\":{\"from\":\"22:00\",\"to\":\"07:00\"}}")
                        .status())
                .isEqualTo(200);
        assertThat(Http.get(url).json().get("quietHours").get("to").asString()).isEqualTo("07:00");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @Test
    void preferencesOutOfBoundsAreRefusedAndNothingIsStored() {
        String url = "http://localhost:" + port + "/api/v1/managers/mgr-bounds/preferences";
        Http.Answer tooLong = Http.put(url, """
                {"slackWebhookUrl":"https://hooks.slack.com/%s","webhookUrl":"https://x.example/h","webhookSecret":"%s",
                 "timezone":"Europe/Paris\\u0007"}""".formatted("x".repeat(2100), "s".repeat(300)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").findValuesAsString("field"))
                .contains("slackWebhookUrl", "webhookSecret", "timezone");
        assertThat(Http.get(url).status()).isEqualTo(404);
        Http.Answer longId =
                Http.put("http://localhost:" + port + "/api/v1/managers/" + "m".repeat(300) + "/preferences", "{}");
        assertThat(longId.status()).isEqualTo(400);
        assertThat(longId.json().get("errors").findValuesAsString("field")).contains("managerId");
    }

    @Test
    void aTestMessageReachesTheManagersSlackInTheirLanguageOnceAMinute() {
        String base = "http://localhost:" + port + "/api/v1/managers/";
        String manager = "mgr-test-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        try (SlackRecorder slack = SlackRecorder.start()) {
            assertThat(Http.put(base + manager + "/preferences", """
                    {"slackWebhookUrl":"http://127.0.0.1:%d/slack","locale":"fr","timezone":"Europe/Paris"}""".formatted(slack.port()))
                            .status())
                    .isEqualTo(200);
            Http.Answer sent = Http.post(base + manager + "/test-message", "application/json", "");
            assertThat(sent.status()).as(sent.body()).isEqualTo(202);
            assertThat(sent.json().get("channels").toString()).isEqualTo("[\"slack\"]");
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> !slack.bodies().isEmpty());
            assertThat(slack.bodies().get(0))
                    .contains("Message de test SalesPulse : vos notifications arrivent bien ici.");
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> Http.get(base + manager + "/notifications?status=SENT")
                            .json()
                            .findValuesAsString("type")
                            .contains("TEST_MESSAGE"));
            // Once a minute at most.
            assertThat(Http.post(base + manager + "/test-message", "application/json", "")
                            .status())
                    .isEqualTo(429);
        }
        Http.Answer none = Http.post(base + "mgr-nobody-" + manager + "/test-message", "application/json", "");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("errors").findValuesAsString("field")).containsExactly("preferences");
    }

    /**
     * Preferences carry their revision as an ETag: a save naming an older one is {@code 412} and leaves what the other
     * person saved; preferences stored before revisions were counted are revision 0.
     */
    @Test
    void preferencesSavedOverAChangeTheirAuthorNeverSawAreRefusedWith412() {
        String url = "http://localhost:" + port + "/api/v1/managers/mgr-twice/preferences";
        Http.Answer first = Http.put(url, """
                {"slackWebhookUrl":"https://hooks.slack.com/services/T000/B000/ONE","locale":"fr"}""");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.etag()).isEqualTo("\"0\"");
        Http.Answer read = Http.get(url);
        assertThat(read.etag()).isEqualTo("\"0\"");
        assertThat(Http.put(url, """
                {"slackWebhookUrl":"https://hooks.slack.com/services/T000/B000/ONE","locale":"en"}""", "If-Match", read.etag()).status()).isEqualTo(200);
        Http.Answer stale = Http.put(url, """
                {"slackWebhookUrl":"https://hooks.slack.com/services/T000/B000/ONE","locale":"fr","minSeverity":"CRITICAL"}""", "If-Match", read.etag());
        assertThat(stale.status()).as(stale.body()).isEqualTo(412);
        assertThat(stale.etag()).isEqualTo("\"1\"");
        assertThat(store.of("mgr-twice").orElseThrow().locale().name()).isEqualTo("en");

        // Stored by an earlier build, without a revision: revision 0.
        org.bson.Document earlier = mongo.getCollection("preferences")
                .find(new org.bson.Document("_id", "mgr-twice"))
                .first();
        earlier.remove("revision");
        mongo.getCollection("preferences").replaceOne(new org.bson.Document("_id", "mgr-twice"), earlier);
        assertThat(Http.get(url).etag()).isEqualTo("\"0\"");
        assertThat(Http.put(url, """
                {"email":"twice@example.test","locale":"fr"}""", "If-Match", "\"0\"").status()).isEqualTo(200);
    }
}
