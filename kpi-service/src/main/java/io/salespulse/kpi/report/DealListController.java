package io.salespulse.kpi.report;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.kit.crm.DealLinks;
import io.salespulse.kit.figures.Figures;
import io.salespulse.kit.roster.RosterStore;
import io.salespulse.kit.web.Bounded;
import io.salespulse.kit.web.InvalidRequestException;
import io.salespulse.kit.web.NotFoundException;
import io.salespulse.kit.web.Paging;
import io.salespulse.kpi.deals.DealProjection;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deals behind a figure, for a manager to open: a team's open deals (in a stage), or the deals won or lost over a
 * span (this week so far by default), of the whole team or of one rep, paged, each with its page in its CRM where one
 * is configured.
 */
@RestController
class DealListController {

    static final int MAX_RANGE_DAYS = 366;

    /** What a list holds: deals still open, or those won or lost in the span. */
    enum Status {
        OPEN,
        WON,
        LOST
    }

    /**
     * A deal as a list shows it.
     *
     * @param daysInStage calendar days since it entered its stage (open deals; null when not known)
     * @param closedAt    when it was won or lost (closed deals)
     * @param crmUrl      its page in its CRM, where a template is configured for that CRM
     */
    record ListedDeal(
            String dealId,
            String name,
            String ownerRepId,
            DealStage stage,
            BigDecimal amount,
            String currency,
            LocalDate expectedCloseDate,
            Long daysInStage,
            String status,
            Instant closedAt,
            String crmUrl) {}

    private final DealProjection deals;
    private final RosterStore roster;
    private final DealLinks links;
    private final Clock clock;

    DealListController(DealProjection deals, RosterStore roster, DealLinks links, Clock clock) {
        this.deals = deals;
        this.roster = roster;
        this.links = links;
        this.clock = clock;
    }

    @Operation(summary = "A team's deals: the open ones (of a stage), or those won or lost over a span, paged")
    @GetMapping("/api/v1/teams/{teamId}/deals")
    ResponseEntity<List<ListedDeal>> teamDeals(
            @PathVariable String teamId,
            @RequestParam(defaultValue = "OPEN") String status,
            @RequestParam(required = false) @Bounded String stage,
            @RequestParam(required = false) @Bounded String repId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        TeamChanged team = roster.team(teamId).orElseThrow(() -> new NotFoundException("No team " + teamId));
        Paging paging = Paging.of(limit, cursor);
        Status listed = choice("status", status, Status.class);
        List<String> reps =
                roster.repsOf(teamId).stream().map(RepChanged::repId).toList();
        if (repId != null && !repId.isBlank()) {
            if (!reps.contains(repId)) {
                throw new InvalidRequestException("repId", "names no rep of this team");
            }
            reps = List.of(repId);
        }
        Criteria filter = where("ownerRepId").in(reps).and("status").is(listed.name());
        if (stage != null && !stage.isBlank()) {
            filter = filter.and("stage")
                    .is(choice("stage", stage, DealStage.class).name());
        }
        ZoneId zone = ZoneId.of(team.timezone());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (listed != Status.OPEN) {
            LocalDate start =
                    from == null || from.isBlank() ? today.with(java.time.DayOfWeek.MONDAY) : day("from", from);
            LocalDate end = to == null || to.isBlank() ? today : day("to", to);
            if (end.isBefore(start) || ChronoUnit.DAYS.between(start, end) > MAX_RANGE_DAYS) {
                throw new InvalidRequestException(
                        "to", "must be on or after from, at most " + MAX_RANGE_DAYS + " days later");
            }
            filter = filter.and("closedDay").gte(start.toString()).lte(end.toString());
        }
        return deals.page(
                filter,
                listed != Status.OPEN,
                paging,
                deal -> new ListedDeal(
                        deal.dealId(),
                        deal.name(),
                        deal.ownerRepId(),
                        deal.stage(),
                        deal.amount() == null ? null : deal.amount().amount(),
                        deal.amount() == null ? null : deal.amount().currency(),
                        deal.expectedCloseDate(),
                        listed == Status.OPEN && deal.stageSince() != null
                                ? Figures.daysSince(deal.stageSince(), zone, today)
                                : null,
                        deal.status(),
                        deal.closedAt(),
                        links.of(deal.dealId()).orElse(null)));
    }

    private static <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static LocalDate day(String field, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "must be a date such as 2026-11-30");
        }
    }
}
