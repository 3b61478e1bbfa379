package io.salespulse.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.testsupport.AccessTable;
import io.salespulse.testsupport.AccessTable.Rule;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.RealInfrastructure;
import io.salespulse.testsupport.TwoTeams;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what on notification-service: a manager sees and changes only its own preferences and log,
 * leadership reads, admins read and write (see {@link AccessTable}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class NotificationSecurityIT {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointRefusesWhoMayNotCallIt() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String base = "http://localhost:" + port;
        String mine = "/api/v1/managers/mgr-a-" + s;
        String theirs = "/api/v1/managers/mgr-b-" + s;
        String prefs = """
                {"email":"someone@example.com","slackWebhookUrl":"http://127.0.0.1:9/slack","locale":"fr","timezone":"Europe/Paris"}""";
        assertThat(Http.put(base + mine + "/preferences", prefs).status()).isEqualTo(200);
        assertThat(Http.put(base + theirs + "/preferences", prefs).status()).isEqualTo(200);
        TwoTeams t = TwoTeams.publish(base, "/api/v1/reps/{repId}/celebrations");
        // A wall link of each team, for the rows that revoke one.
        String wallA = Http.post(base + "/api/v1/teams/" + t.teamA() + "/walls", "application/json", "{}")
                .json()
                .get("wallId")
                .asString();
        String wallB = Http.post(base + "/api/v1/teams/" + t.teamB() + "/walls", "application/json", "{}")
                .json()
                .get("wallId")
                .asString();
        AccessTable table = new AccessTable(base, "mgr-a-" + s, t.teamA())
                .rep(t.repA())
                .units(t.unitA(), t.company())
                .row(
                        "GET",
                        "/api/v1/managers/{managerId}/notifications",
                        mine + "/notifications",
                        theirs + "/notifications",
                        null,
                        Rule.OWN_READ)
                .row(
                        "GET",
                        "/api/v1/managers/{managerId}/preferences",
                        mine + "/preferences",
                        theirs + "/preferences",
                        null,
                        Rule.OWN_READ)
                .row(
                        "PUT",
                        "/api/v1/managers/{managerId}/preferences",
                        mine + "/preferences",
                        theirs + "/preferences",
                        prefs,
                        Rule.OWN_WRITE)
                .row(
                        "POST",
                        "/api/v1/managers/{managerId}/test-message",
                        mine + "/test-message",
                        theirs + "/test-message",
                        null,
                        Rule.OWN_WRITE)
                .row(
                        "GET",
                        "/api/v1/teams/{teamId}/celebrations",
                        "/api/v1/teams/" + t.teamA() + "/celebrations",
                        "/api/v1/teams/" + t.teamB() + "/celebrations",
                        null,
                        Rule.TEAM_READ)
                .row(
                        "PUT",
                        "/api/v1/teams/{teamId}/celebrations",
                        "/api/v1/teams/" + t.teamA() + "/celebrations",
                        "/api/v1/teams/" + t.teamB() + "/celebrations",
                        "{\"enabled\":false}",
                        Rule.TEAM_ACTION)
                .row(
                        "GET",
                        "/api/v1/reps/{repId}/celebrations",
                        "/api/v1/reps/" + t.repA() + "/celebrations",
                        "/api/v1/reps/" + t.repB() + "/celebrations",
                        null,
                        Rule.TEAM_READ)
                .row(
                        "PUT",
                        "/api/v1/reps/{repId}/celebrations",
                        "/api/v1/reps/" + t.repA() + "/celebrations",
                        "/api/v1/reps/" + t.repB() + "/celebrations",
                        "{\"publicPosts\":true}",
                        Rule.TEAM_ACTION)
                .row(
                        "POST",
                        "/api/v1/teams/{teamId}/walls",
                        "/api/v1/teams/" + t.teamA() + "/walls",
                        "/api/v1/teams/" + t.teamB() + "/walls",
                        "{}",
                        Rule.TEAM_ACTION)
                .row(
                        "GET",
                        "/api/v1/teams/{teamId}/walls",
                        "/api/v1/teams/" + t.teamA() + "/walls",
                        "/api/v1/teams/" + t.teamB() + "/walls",
                        null,
                        Rule.TEAM_READ)
                .row(
                        "DELETE",
                        "/api/v1/teams/{teamId}/walls/{wallId}",
                        "/api/v1/teams/" + t.teamA() + "/walls/" + wallA,
                        "/api/v1/teams/" + t.teamB() + "/walls/" + wallB,
                        null,
                        Rule.TEAM_ACTION)
                .row(
                        "GET",
                        "/api/v1/walls/{wallId}/board",
                        "/api/v1/walls/" + wallA + "/board",
                        "/api/v1/walls/" + wallB + "/board",
                        null,
                        Rule.OWN_CREDENTIALS)
                .row(
                        "GET",
                        "/api/v1/admin/notifications/unroutable",
                        "/api/v1/admin/notifications/unroutable",
                        "/api/v1/admin/notifications/unroutable",
                        null,
                        Rule.ADMIN_WRITE);
        table.coversEveryEndpoint(mappings);
        table.check();
    }
}
