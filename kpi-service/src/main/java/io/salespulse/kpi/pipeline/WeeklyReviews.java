package io.salespulse.kpi.pipeline;

import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.deal.ForecastCategory;
import io.salespulse.contracts.kpi.PipelineReviewed;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.kit.kafka.EventPublisher;
import io.salespulse.kit.roster.RosterStore;
import io.salespulse.kpi.deals.DealProjection;
import io.salespulse.kpi.periods.Period;
import io.salespulse.kpi.periods.PeriodKind;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes each team's {@link PipelineReviewed} once its week is over (from Monday 00:00 in the team's zone), for
 * notification-service's Monday digest: the week's pipeline changes, the quarter's forecast against quota, the funnel
 * against the week before, the deals expected to close in the week that begins and those overdue. Once per team and
 * week: a marker document per review, and a deterministic event id (a review published again after a crash is the
 * same event, which consumers drop).
 */
@Component
public class WeeklyReviews {

    private static final Logger log = LoggerFactory.getLogger(WeeklyReviews.class);
    static final String SOURCE = "/kpi-service";
    static final int MAX_DEALS = 20;

    /** A review published (its id: team and week). */
    @Document("pipeline_reviews")
    record Published(@Id String id) {}

    private final PipelineReview review;
    private final DealProjection deals;
    private final RosterStore roster;
    private final EventPublisher publisher;
    private final MongoTemplate mongo;
    private final Clock clock;

    WeeklyReviews(
            PipelineReview review,
            DealProjection deals,
            RosterStore roster,
            EventPublisher publisher,
            MongoTemplate mongo,
            Clock clock) {
        this.review = review;
        this.deals = deals;
        this.roster = roster;
        this.publisher = publisher;
        this.mongo = mongo;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${salespulse.kpi.reviews.check-ms:300000}",
            initialDelayString = "${salespulse.kpi.reviews.initial-delay-ms:20000}")
    void publishDue() {
        for (TeamChanged team : roster.teams()) {
            try {
                LocalDate lastWeek = Period.containing(PeriodKind.WEEK, review.today(team))
                        .from()
                        .minusWeeks(1);
                String id = team.teamId() + "|" + lastWeek;
                if (mongo.findById(id, Published.class) == null) {
                    publisher.publishAll(List.of(EventEnvelope.of(
                            UUID.nameUUIDFromBytes(("pipeline-reviewed|" + id).getBytes(StandardCharsets.UTF_8))
                                    .toString(),
                            SOURCE,
                            of(team, lastWeek))));
                    try {
                        mongo.insert(new Published(id));
                    } catch (DuplicateKeyException another) {
                        // another instance published it too: the same event, dropped by consumers
                    }
                }
            } catch (RuntimeException e) {
                log.warn("Pipeline review of team {} not published: {}", team.teamId(), e.getMessage());
            }
        }
    }

    /** The review of a team's week starting {@code monday}, as of now. */
    public PipelineReviewed of(TeamChanged team, LocalDate monday) {
        PipelineReview.Span week = new PipelineReview.Span(monday, monday.plusDays(6));
        PipelineChanges changes = review.teamChanges(team.teamId(), week).changes();
        Map<String, PipelineReviewed.Change> changeFigures = new LinkedHashMap<>();
        changes.changes()
                .forEach((change, figure) ->
                        changeFigures.put(change.name(), new PipelineReviewed.Change(figure.deals(), figure.amount())));
        LocalDate today = review.today(team);
        Forecast quarter = review.forecast(team, PeriodKind.QUARTER, today).forecast();
        List<PipelineReviewed.Forecast> forecast = new ArrayList<>();
        quarter.currencies()
                .forEach((currency, amounts) -> forecast.add(new PipelineReviewed.Forecast(
                        currency,
                        quarter.from(),
                        quarter.to(),
                        amounts.closed(),
                        amounts.commitTotal(),
                        amounts.bestCaseTotal(),
                        amounts.quota())));
        PipelineReview.FunnelReview funnel = review.teamFunnel(team.teamId(), week);
        LocalDate thisMonday = monday.plusWeeks(1);
        List<DealProjection.Deal> open =
                deals
                        .openDealsOf(roster.repsOf(team.teamId()).stream()
                                .map(RepChanged::repId)
                                .toList())
                        .stream()
                        .filter(d -> d.expectedCloseDate() != null && d.forecastCategory() != ForecastCategory.OMITTED)
                        .toList();
        return new PipelineReviewed(
                team.teamId(),
                monday,
                monday.plusDays(6),
                changeFigures,
                forecast,
                funnel(funnel.funnel()),
                funnel(funnel.previous()),
                due(
                        open,
                        d -> !d.expectedCloseDate().isBefore(thisMonday)
                                && !d.expectedCloseDate().isAfter(thisMonday.plusDays(6))),
                due(open, d -> d.expectedCloseDate().isBefore(today)),
                clock.instant());
    }

    private static PipelineReviewed.Funnel funnel(Funnel funnel) {
        return new PipelineReviewed.Funnel(funnel.steps(), funnel.conversions());
    }

    private static List<PipelineReviewed.DealDue> due(
            List<DealProjection.Deal> open, Predicate<DealProjection.Deal> when) {
        return open.stream()
                .filter(when)
                .sorted(Comparator.comparing(DealProjection.Deal::expectedCloseDate)
                        .thenComparing(DealProjection.Deal::dealId))
                .limit(MAX_DEALS)
                .map(d -> new PipelineReviewed.DealDue(
                        d.dealId(),
                        d.name() == null ? d.dealId() : d.name(),
                        d.ownerRepId(),
                        d.amount(),
                        d.expectedCloseDate()))
                .toList();
    }
}
