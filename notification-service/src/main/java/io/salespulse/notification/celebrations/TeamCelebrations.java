package io.salespulse.notification.celebrations;

import io.salespulse.contracts.EventCodec;
import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.contracts.signal.SignalRaised;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.kit.roster.RosterStore;
import io.salespulse.notification.channels.Channel;
import io.salespulse.notification.channels.Message;
import io.salespulse.notification.channels.Renderers;
import io.salespulse.notification.channels.Texts;
import io.salespulse.notification.config.NotificationSettings;
import io.salespulse.notification.delivery.ChannelPayloads;
import io.salespulse.notification.delivery.DeliveryStore;
import io.salespulse.notification.delivery.SignalRouted;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Recognition that reaches the team: a team that opts in names a Slack or Teams channel (an incoming webhook), and
 * each big win, objective milestone and personal best of its reps (and each milestone of the team's own objectives) is
 * posted there as a celebration, once per signal and
 * channel, through the delivery queue (so the outbound policy, rate limits, retries and log apply). A rep can opt out
 * of public posts; their manager is still told. Back-on-track is never posted: it says the rep was off track.
 */
@Component
class TeamCelebrations {

    /** The recognitions a team sees. */
    static final Set<SignalType> PUBLIC =
            Set.of(SignalType.BIG_WIN, SignalType.OBJECTIVE_ACHIEVED, SignalType.PERSONAL_BEST);

    /** A team's celebration channel. */
    @Document("team_celebrations")
    record TeamChannel(
            @Id String teamId,
            boolean enabled,
            String slackWebhookUrl,
            String teamsWebhookUrl,
            Language locale,
            String updatedBy,
            Instant updatedAt) {}

    /** A rep's choice about public posts (absent: posted). */
    @Document("celebration_choices")
    record RepChoice(@Id String repId, boolean publicPosts, String updatedBy, Instant updatedAt) {}

    private final MongoTemplate mongo;
    private final RosterStore roster;
    private final DeliveryStore queue;
    private final Texts texts;
    private final Clock clock;
    private final String appUrl;

    TeamCelebrations(
            MongoTemplate mongo,
            RosterStore roster,
            DeliveryStore queue,
            Texts texts,
            Clock clock,
            NotificationSettings settings) {
        this.mongo = mongo;
        this.roster = roster;
        this.queue = queue;
        this.texts = texts;
        this.clock = clock;
        this.appUrl = settings.appUrl();
    }

    Optional<TeamChannel> channel(String teamId) {
        return Optional.ofNullable(mongo.findById(teamId, TeamChannel.class));
    }

    /** The teams' channels that are on. */
    java.util.List<TeamChannel> enabledChannels() {
        return mongo.find(
                org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("enabled")
                                .is(true)),
                TeamChannel.class);
    }

    void save(TeamChannel channel) {
        mongo.save(channel);
    }

    boolean publicPosts(String repId) {
        RepChoice choice = mongo.findById(repId, RepChoice.class);
        return choice == null || choice.publicPosts();
    }

    /** Of these reps, those who would rather not be posted. */
    java.util.List<String> notPosted(java.util.Collection<String> repIds) {
        return mongo
                .find(
                        org.springframework.data.mongodb.core.query.Query.query(
                                org.springframework.data.mongodb.core.query.Criteria.where("_id")
                                        .in(repIds)
                                        .and("publicPosts")
                                        .is(false)),
                        RepChoice.class)
                .stream()
                .map(RepChoice::repId)
                .sorted()
                .toList();
    }

    void choose(RepChoice choice) {
        mongo.save(choice);
    }

    /** Posts a raised recognition to its team's channel, if the team opted in and the rep did not opt out. */
    @EventListener
    void onRouted(SignalRouted routed) {
        SignalRaised signal = routed.signal();
        if (!PUBLIC.contains(signal.type())) {
            return;
        }
        // Most teams have no channel: look at it before the rep's choice. A team's own objective reached is the whole
        // team's news; a rep's is posted unless the rep opted out.
        TeamChannel channel =
                channel(signal.teamId()).filter(TeamChannel::enabled).orElse(null);
        if (channel == null || signal.repId() != null && !publicPosts(signal.repId())) {
            return;
        }
        Language language = channel.locale() != null
                ? channel.locale()
                : roster.team(signal.teamId()).map(TeamChanged::locale).orElse(Language.en);
        String who = signal.repId() != null
                ? roster.rep(signal.repId()).map(RepChanged::displayName).orElse(signal.repId())
                : roster.team(signal.teamId()).map(TeamChanged::name).orElse(signal.teamId());
        String title = Message.of(signal, who, language, appUrl, texts).title();
        String cheer = texts.get(language, "celebration.cheer");
        Map<Channel, ChannelPayloads.Addressed> targets = new LinkedHashMap<>();
        if (channel.slackWebhookUrl() != null) {
            targets.put(Channel.SLACK, new ChannelPayloads.Addressed(channel.slackWebhookUrl(), slack(title, cheer)));
        }
        if (channel.teamsWebhookUrl() != null) {
            targets.put(Channel.TEAMS, new ChannelPayloads.Addressed(channel.teamsWebhookUrl(), teams(title, cheer)));
        }
        String recipient = "team:" + signal.teamId();
        Instant now = clock.instant();
        targets.forEach((name, target) -> queue.addOwn(
                signal.signalId() + "|" + recipient + "|" + name.key(),
                signal.signalId(),
                recipient,
                name,
                signal.type().name(),
                "CELEBRATION",
                "posted to the team's channel",
                target,
                now));
    }

    /** A celebration as Slack shows it: the news, and a word from SalesPulse. No figures beyond the title's. */
    static String slack(String title, String cheer) {
        ObjectNode root = EventCodec.mapper().createObjectNode();
        root.put("text", "🎉 " + title);
        ArrayNode blocks = root.putArray("blocks");
        blocks.addObject()
                .put("type", "header")
                .putObject("text")
                .put("type", "plain_text")
                .put("text", "🎉 " + title);
        blocks.addObject()
                .put("type", "context")
                .putArray("elements")
                .addObject()
                .put("type", "mrkdwn")
                .put("text", cheer);
        return root.toString();
    }

    /** A celebration as Teams shows it (an Adaptive Card). */
    static String teams(String title, String cheer) {
        ObjectNode root = EventCodec.mapper().createObjectNode().put("type", "message");
        ArrayNode body = Renderers.adaptiveCard(root).putArray("body");
        Renderers.heading(body, "🎉 " + title);
        body.addObject()
                .put("type", "TextBlock")
                .put("text", cheer)
                .put("wrap", true)
                .put("isSubtle", true);
        return root.toString();
    }
}
