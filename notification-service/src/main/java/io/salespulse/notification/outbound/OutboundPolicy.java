package io.salespulse.notification.outbound;

import io.salespulse.notification.channels.Channel;
import io.salespulse.notification.config.NotificationSettings;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Where notification-service may call: a manager's webhook URLs are the manager's input, and a call to them must not
 * reach inside the network SalesPulse runs in. Slack webhooks go only to {@value #SLACK_HOST}, Teams workflows only
 * to the configured host patterns ({@code salespulse.notifications.outbound.teams-hosts}), generic webhooks only over
 * https; and every address the host resolves to must be public: not loopback, private, link-local (cloud metadata),
 * carrier-grade NAT, multicast, unspecified or IPv6 unique-local. Checked when preferences are saved and again at
 * send time: the URL before the call, the addresses where the call resolves the name, once, connecting only to
 * those (a name that resolved outside when checked and inside when called is never called). Redirects are never
 * followed. The local run allows loopback targets ({@code salespulse.notifications.outbound.allow-loopback}), so the
 * demo's sink works.
 */
@Component
public class OutboundPolicy {

    /** Slack's incoming-webhook host. */
    public static final String SLACK_HOST = "hooks.slack.com";

    /** What the policy says of a target. */
    public sealed interface Verdict {
        /** The target may be called. */
        record Allowed() implements Verdict {}

        /** The target may not be called: {@code reason} says why, for the manager who typed it (never logged). */
        record Refused(String reason) implements Verdict {}

        /** The host does not resolve now: allowed at preference time, a network failure at send time. */
        record Unresolved() implements Verdict {}
    }

    /** Resolves a host name to its addresses (the JDK's resolver; tests give their own). */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowLoopback;
    private final List<String> teamsHosts;
    private final Resolver resolver;

    @Autowired
    OutboundPolicy(NotificationSettings settings) {
        this(settings.outbound().allowLoopback(), settings.outbound().teamsHosts(), InetAddress::getAllByName);
    }

    public OutboundPolicy(boolean allowLoopback, List<String> teamsHosts, Resolver resolver) {
        this.allowLoopback = allowLoopback;
        this.teamsHosts = teamsHosts.stream()
                .map(String::trim)
                .filter(host -> !host.isEmpty())
                .map(host -> host.toLowerCase(Locale.ROOT))
                .toList();
        this.resolver = resolver;
    }

    /** A webhook URL as the API shows it: its scheme and host only (the path holds the secret). */
    public static String masked(String url) {
        if (url == null) {
            return null;
        }
        java.net.URI uri = java.net.URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + "/…";
    }

    /** The stored URL when the request names it as the API shows it (masked), else the request's. */
    public static String keepIfMasked(String requested, String stored) {
        return requested != null && stored != null && requested.equals(masked(stored)) ? stored : requested;
    }

    /**
     * The verdict on a target without resolving its name: its URL and its channel's host rule. What the name resolves
     * to is judged where the call resolves it, once, and the call connects to the addresses judged
     * ({@link #addressesToCall}): no second resolution can take it elsewhere (DNS rebinding), and a slow DNS answer
     * holds the call's own thread, not the dispatch.
     */
    public Verdict checkUrl(Channel channel, String url) {
        Target target = Target.parse(url);
        if (target.refused() != null) {
            return target.refused();
        }
        String name = target.name();
        if (allowLoopback && (name.equals("localhost") || loopbackLiteral(name))) {
            return new Verdict.Allowed();
        }
        String hostRule = hostRule(channel, target);
        return hostRule == null ? new Verdict.Allowed() : new Verdict.Refused(hostRule);
    }

    /** An address a call was about to connect to that the policy refuses: the call is not made. */
    public static final class RefusedAddress extends UnknownHostException {
        RefusedAddress(String host) {
            super("refused by the outbound policy: " + host);
        }
    }

    /**
     * The addresses a call to {@code host} connects to: the name resolved once, every address public (or, in the local
     * run, all loopback); otherwise {@link RefusedAddress} and the call is not made.
     */
    public InetAddress[] addressesToCall(String host) throws UnknownHostException {
        String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = resolver.resolve(name);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(name);
        }
        if (allowLoopback && allLoopback(addresses)) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new RefusedAddress(name);
            }
        }
        return addresses;
    }

    private static boolean loopbackLiteral(String name) {
        if (!name.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private String hostRule(Channel channel, Target target) {
        String scheme = target.scheme();
        String host = target.host();
        return switch (channel) {
            case SLACK ->
                scheme.equals("https") && host.equals(SLACK_HOST) && defaultPort(target.uri())
                        ? null
                        : "must be an https URL on " + SLACK_HOST;
            case TEAMS ->
                scheme.equals("https") && teamsHost(host) && defaultPort(target.uri())
                        ? null
                        : "must be an https URL on a Teams workflow host (" + String.join(", ", teamsHosts) + ")";
            case WEBHOOK -> scheme.equals("https") ? null : "must be an https URL";
            case EMAIL -> "must be an email address, not a URL";
        };
    }

    /**
     * A target URL as the policy reads it: its scheme and host in lower case, the name to resolve (an IPv6 literal
     * without its brackets), or why it is refused before any rule (not a URL, not http(s), credentials in it).
     */
    private record Target(URI uri, String scheme, String host, String name, Verdict.Refused refused) {

        static Target parse(String url) {
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException | NullPointerException e) {
                return refused("must be a valid URL");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost();
            if (!(scheme.equals("https") || scheme.equals("http")) || host == null || host.isEmpty()) {
                return refused("must be a valid http(s) URL");
            }
            if (uri.getRawUserInfo() != null) {
                return refused("must not carry a user name or password");
            }
            host = host.toLowerCase(Locale.ROOT);
            return new Target(
                    uri, scheme, host, host.startsWith("[") ? host.substring(1, host.length() - 1) : host, null);
        }

        private static Target refused(String reason) {
            return new Target(null, null, null, null, new Verdict.Refused(reason));
        }
    }

    /** The verdict on calling {@code url} for a channel (its name resolved now: when a manager saves it). */
    public Verdict check(Channel channel, String url) {
        Target target = Target.parse(url);
        if (target.refused() != null) {
            return target.refused();
        }
        String name = target.name();
        InetAddress[] addresses = null;
        if (allowLoopback) {
            addresses = resolve(name);
            if (addresses.length > 0 && allLoopback(addresses)) {
                // The local run's sinks on this machine, for every channel.
                return new Verdict.Allowed();
            }
        }
        String hostRule = hostRule(channel, target);
        if (hostRule != null) {
            return new Verdict.Refused(hostRule);
        }
        if (addresses == null) {
            addresses = resolve(name);
        }
        if (addresses.length == 0) {
            return new Verdict.Unresolved();
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return new Verdict.Refused(
                        "must not point at a loopback, private, link-local or otherwise internal address");
            }
        }
        return new Verdict.Allowed();
    }

    private InetAddress[] resolve(String name) {
        try {
            InetAddress[] addresses = resolver.resolve(name);
            return addresses == null ? new InetAddress[0] : addresses;
        } catch (UnknownHostException e) {
            return new InetAddress[0];
        }
    }

    private boolean teamsHost(String host) {
        for (String pattern : teamsHosts) {
            if (pattern.startsWith("*.")
                    ? host.endsWith(pattern.substring(1)) && host.length() > pattern.length() - 1
                    : host.equals(pattern)) {
                return true;
            }
        }
        return false;
    }

    private static boolean defaultPort(URI uri) {
        return uri.getPort() == -1 || uri.getPort() == 443;
    }

    private static boolean allLoopback(InetAddress[] addresses) {
        for (InetAddress address : addresses) {
            if (!address.isLoopbackAddress()) {
                return false;
            }
        }
        return true;
    }

    /** Whether an address is on the public internet, as far as its number tells. */
    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first != 0 // "this network"
                    && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT, 100.64.0.0/10
                    && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // unique-local, fc00::/7
            }
            if (isIpv4Embedded(bytes)) {
                // ::ffff:a.b.c.d and ::a.b.c.d carry an IPv4 address: judge that one.
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean isIpv4Embedded(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == bytes[11] && (bytes[10] == 0 || bytes[10] == (byte) 0xff);
    }
}
