package io.salespulse.notification.celebrations;

import io.salespulse.contracts.org.Language;
import io.salespulse.kit.roster.RosterStore;
import io.salespulse.kit.security.Caller;
import io.salespulse.kit.web.Bounded;
import io.salespulse.kit.web.InvalidRequestException;
import io.salespulse.kit.web.NotFoundException;
import io.salespulse.notification.channels.Channel;
import io.salespulse.notification.outbound.OutboundPolicy;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A team's celebration channel (its managers and admins set it; webhook URLs are secrets, shown by host only) and a
 * rep's choice about public posts (set by the rep's manager or an admin, at the rep's word).
 */
@RestController
class CelebrationsController {

    /** {@code PUT /api/v1/teams/{teamId}/celebrations}. */
    record ChannelRequest(
            @NotNull Boolean enabled,

            @Size(max = 2048) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
            String slackWebhookUrl,

            @Size(max = 2048) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
            String teamsWebhookUrl,

            @Pattern(regexp = "fr|en", message = "must be fr or en")
            String locale) {}

    /** A team's channel as the API shows it, and which of its reps are not posted. */
    record ChannelView(
            String teamId,
            boolean enabled,
            String slackWebhookUrl,
            String teamsWebhookUrl,
            Language locale,
            java.util.List<String> repsNotPosted) {

        static ChannelView of(TeamCelebrations.TeamChannel channel, java.util.List<String> repsNotPosted) {
            return new ChannelView(
                    channel.teamId(),
                    channel.enabled(),
                    OutboundPolicy.masked(channel.slackWebhookUrl()),
                    OutboundPolicy.masked(channel.teamsWebhookUrl()),
                    channel.locale(),
                    repsNotPosted);
        }
    }

    private java.util.List<String> repsNotPosted(String teamId) {
        return celebrations.notPosted(roster.repsOf(teamId).stream()
                .map(io.salespulse.contracts.org.RepChanged::repId)
                .toList());
    }

    /** {@code PUT /api/v1/reps/{repId}/celebrations}, and its answer. */
    record RepChoiceView(String repId, @NotNull Boolean publicPosts) {}

    private final TeamCelebrations celebrations;
    private final OutboundPolicy outbound;
    private final RosterStore roster;
    private final Clock clock;

    CelebrationsController(TeamCelebrations celebrations, OutboundPolicy outbound, RosterStore roster, Clock clock) {
        this.celebrations = celebrations;
        this.outbound = outbound;
        this.roster = roster;
        this.clock = clock;
    }

    @Operation(summary = "A team's celebration channel")
    @GetMapping("/api/v1/teams/{teamId}/celebrations")
    ChannelView channel(@PathVariable @Bounded String teamId) {
        java.util.List<String> notPosted = repsNotPosted(teamId);
        return celebrations
                .channel(teamId)
                .map(channel -> ChannelView.of(channel, notPosted))
                .orElse(new ChannelView(teamId, false, null, null, null, notPosted));
    }

    @Operation(summary = "Set a team's celebration channel")
    @PutMapping("/api/v1/teams/{teamId}/celebrations")
    ChannelView setChannel(@PathVariable @Bounded String teamId, @Valid @RequestBody ChannelRequest request) {
        if (roster.team(teamId).isEmpty()) {
            throw new NotFoundException("No team " + teamId);
        }
        TeamCelebrations.TeamChannel held = celebrations.channel(teamId).orElse(null);
        String slack =
                OutboundPolicy.keepIfMasked(request.slackWebhookUrl(), held == null ? null : held.slackWebhookUrl());
        String teams =
                OutboundPolicy.keepIfMasked(request.teamsWebhookUrl(), held == null ? null : held.teamsWebhookUrl());
        if (request.enabled() && slack == null && teams == null) {
            throw new InvalidRequestException(
                    "slackWebhookUrl", "a Slack or a Teams webhook URL is needed to post celebrations");
        }
        refuse("slackWebhookUrl", Channel.SLACK, slack);
        refuse("teamsWebhookUrl", Channel.TEAMS, teams);
        TeamCelebrations.TeamChannel channel = new TeamCelebrations.TeamChannel(
                teamId,
                request.enabled(),
                slack,
                teams,
                request.locale() == null ? null : Language.valueOf(request.locale()),
                Caller.current().map(Caller::subject).orElse(null),
                clock.instant());
        celebrations.save(channel);
        return ChannelView.of(channel, repsNotPosted(teamId));
    }

    @Operation(summary = "Whether a rep's wins may be posted to the team")
    @GetMapping("/api/v1/reps/{repId}/celebrations")
    RepChoiceView repChoice(@PathVariable @Bounded String repId) {
        if (roster.rep(repId).isEmpty()) {
            throw new NotFoundException("No rep " + repId);
        }
        return new RepChoiceView(repId, celebrations.publicPosts(repId));
    }

    @Operation(summary = "Set whether a rep's wins may be posted to the team")
    @PutMapping("/api/v1/reps/{repId}/celebrations")
    RepChoiceView setRepChoice(@PathVariable @Bounded String repId, @Valid @RequestBody RepChoiceView request) {
        if (roster.rep(repId).isEmpty()) {
            throw new NotFoundException("No rep " + repId);
        }
        celebrations.choose(new TeamCelebrations.RepChoice(
                repId,
                request.publicPosts(),
                Caller.current().map(Caller::subject).orElse(null),
                clock.instant()));
        return new RepChoiceView(repId, request.publicPosts());
    }

    private void refuse(String field, Channel channel, String url) {
        if (url != null && outbound.check(channel, url) instanceof OutboundPolicy.Verdict.Refused refused) {
            throw new InvalidRequestException(field, refused.reason());
        }
    }
}
