package io.salespulse.notification.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.notification.channels.Channel;
import io.salespulse.notification.outbound.OutboundPolicy.Verdict;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The outbound policy, table-driven, with names resolved by a table too (and {@code localhost} by the JDK). */
class OutboundPolicyTest {

    private static final List<String> TEAMS = List.of("*.logic.azure.com", "*.webhook.office.com");
    private static final Map<String, String> DNS = Map.of(
            "hooks.slack.com", "34.226.31.10",
            "prod-01.westeurope.logic.azure.com", "20.50.2.1",
            "crm.example.org", "93.184.216.34",
            "sneaky.example.org", "127.0.0.1",
            "metadata.example.org", "169.254.169.254",
            "mixed.example.org", "10.0.0.5");

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        if (host.equals("localhost")) {
            return InetAddress.getAllByName(host);
        }
        String address = DNS.get(host);
        if (address != null) {
            return new InetAddress[] {InetAddress.getByName(address)};
        }
        if (host.contains(":") || host.matches("[0-9.]+")) {
            // an address literal: no lookup
            return new InetAddress[] {InetAddress.getByName(host)};
        }
        throw new UnknownHostException(host);
    }

    private static final OutboundPolicy PRODUCTION = new OutboundPolicy(false, TEAMS, OutboundPolicyTest::resolve);
    private static final OutboundPolicy LOCAL_RUN = new OutboundPolicy(true, TEAMS, OutboundPolicyTest::resolve);

    static Stream<Arguments> forbidden() {
        return Stream.of(
                Arguments.of(Channel.WEBHOOK, "https://127.0.0.1/hook", "loopback"),
                Arguments.of(Channel.WEBHOOK, "https://[::1]/hook", "loopback"),
                Arguments.of(Channel.WEBHOOK, "https://10.0.0.5/hook", "loopback, private"),
                Arguments.of(Channel.WEBHOOK, "https://192.168.1.20/hook", "private"),
                Arguments.of(Channel.WEBHOOK, "https://172.20.0.3/hook", "private"),
                Arguments.of(Channel.WEBHOOK, "https://169.254.169.254/latest/meta-data/", "link-local"),
                Arguments.of(Channel.WEBHOOK, "https://100.64.0.1/hook", "internal"),
                Arguments.of(Channel.WEBHOOK, "https://0.0.0.0/hook", "internal"),
                Arguments.of(Channel.WEBHOOK, "https://[fd00::1]/hook", "internal"),
                Arguments.of(Channel.WEBHOOK, "https://[fe80::1]/hook", "link-local"),
                Arguments.of(Channel.WEBHOOK, "https://[::ffff:10.0.0.5]/hook", "internal"),
                Arguments.of(Channel.WEBHOOK, "https://224.0.0.1/hook", "internal"),
                Arguments.of(Channel.WEBHOOK, "https://localhost/hook", "loopback"),
                Arguments.of(Channel.WEBHOOK, "https://sneaky.example.org/hook", "loopback"),
                Arguments.of(Channel.WEBHOOK, "https://metadata.example.org/hook", "link-local"),
                Arguments.of(Channel.WEBHOOK, "https://mixed.example.org/hook", "private"),
                Arguments.of(Channel.WEBHOOK, "http://crm.example.org/hook", "must be an https URL"),
                Arguments.of(Channel.WEBHOOK, "https://user:pass@crm.example.org/hook", "user name or password"),
                Arguments.of(Channel.WEBHOOK, "https://crm.example.org/a b", "valid URL"),
                Arguments.of(
                        Channel.SLACK, "https://hooks.slack.com.evil.example.org/services/T/B/X", "hooks.slack.com"),
                Arguments.of(Channel.SLACK, "http://hooks.slack.com/services/T/B/X", "hooks.slack.com"),
                Arguments.of(Channel.SLACK, "https://hooks.slack.com:8443/services/T/B/X", "hooks.slack.com"),
                Arguments.of(Channel.SLACK, "https://10.0.0.5/services/T/B/X", "hooks.slack.com"),
                Arguments.of(Channel.TEAMS, "https://crm.example.org/workflows/x", "Teams workflow host"),
                Arguments.of(Channel.TEAMS, "https://logic.azure.com.example.org/workflows/x", "Teams workflow host"),
                Arguments.of(Channel.TEAMS, "ftp://prod-01.westeurope.logic.azure.com/x", "valid http(s) URL"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("forbidden")
    void forbiddenTargetsAreRefused(Channel channel, String url, String reason) {
        Verdict verdict = PRODUCTION.check(channel, url);
        assertThat(verdict).isInstanceOf(Verdict.Refused.class);
        assertThat(((Verdict.Refused) verdict).reason()).contains(reason.split(", ")[0]);
    }

    static Stream<Arguments> internalEvenInTheLocalRun() {
        // Only loopback is the local run's exception: the rest stays refused.
        return forbidden()
                .filter(arguments -> !List.of(
                                "https://127.0.0.1/hook",
                                "https://[::1]/hook",
                                "https://localhost/hook",
                                "https://sneaky.example.org/hook")
                        .contains((String) arguments.get()[1]));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("internalEvenInTheLocalRun")
    void theLocalRunStillRefusesEverythingButLoopback(Channel channel, String url, String reason) {
        assertThat(LOCAL_RUN.check(channel, url)).isInstanceOf(Verdict.Refused.class);
    }

    static Stream<Arguments> allowed() {
        return Stream.of(
                Arguments.of(
                        PRODUCTION,
                        Channel.SLACK,
                        "https://hooks.slack.com/services/T000/B000/XXXX",
                        Verdict.Allowed.class),
                Arguments.of(
                        PRODUCTION,
                        Channel.TEAMS,
                        "https://prod-01.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke",
                        Verdict.Allowed.class),
                Arguments.of(
                        PRODUCTION, Channel.WEBHOOK, "https://crm.example.org/hooks/salespulse", Verdict.Allowed.class),
                Arguments.of(PRODUCTION, Channel.WEBHOOK, "https://93.184.216.34:8443/hooks", Verdict.Allowed.class),
                // Not resolvable now: taken when saved, a network failure (retried) if still so when sent.
                Arguments.of(
                        PRODUCTION, Channel.WEBHOOK, "https://not-yet.example.net/hooks", Verdict.Unresolved.class),
                Arguments.of(LOCAL_RUN, Channel.SLACK, "http://127.0.0.1:9099/slack", Verdict.Allowed.class),
                Arguments.of(LOCAL_RUN, Channel.WEBHOOK, "http://localhost:9099/webhook", Verdict.Allowed.class),
                Arguments.of(LOCAL_RUN, Channel.TEAMS, "http://[::1]:9099/teams", Verdict.Allowed.class));
    }

    @ParameterizedTest(name = "{1} {2}")
    @MethodSource("allowed")
    void rightfulTargetsPass(OutboundPolicy policy, Channel channel, String url, Class<? extends Verdict> verdict) {
        assertThat(policy.check(channel, url)).isInstanceOf(verdict);
    }
}
