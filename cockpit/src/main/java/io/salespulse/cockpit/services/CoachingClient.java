package io.salespulse.cockpit.services;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.salespulse.cockpit.services.Services.Service;
import io.salespulse.contracts.signal.DealSummary;
import io.salespulse.contracts.signal.Evidence;
import io.salespulse.contracts.signal.Severity;
import io.salespulse.contracts.signal.SignalType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** coaching-service's signals, typed: the records the cockpit reads them as ({@link ReadFrom}). */
@Component
public class CoachingClient {

    private final Services services;

    CoachingClient(Services services) {
        this.services = services;
    }

    /** One signal. */
    public Signal signal(String signalId) {
        return services.read(Service.COACHING, Signal.class, "/api/v1/signals/{signalId}", signalId);
    }

    /** A team's signals in a status ({@code OPEN}, {@code ACKNOWLEDGED}), at most {@code limit}. */
    public List<Signal> signalsOfTeam(String teamId, String status, int limit) {
        return services.readList(
                Service.COACHING,
                Signal.class,
                "/api/v1/teams/{teamId}/signals?status={status}&limit={limit}",
                teamId,
                status,
                limit);
    }

    /** A rep's recent recognitions. */
    public List<Signal> recognitionsOf(String repId) {
        return services.readList(Service.COACHING, Signal.class, "/api/v1/reps/{repId}/recognitions", repId);
    }

    /** A rep's development plan (no goal, no skill and no {@code createdAt} while none was set). */
    public Plan plan(String repId) {
        return services.read(Service.COACHING, Plan.class, "/api/v1/reps/{repId}/plan", repId);
    }

    /** A rep's open 1:1 action items. */
    public List<OpenItem> actionItems(String repId) {
        return services.readList(Service.COACHING, OpenItem.class, "/api/v1/reps/{repId}/action-items", repId);
    }

    /** A rep's last {@code count} 1:1s. */
    public List<PastOneOnOne> pastOneOnOnes(String repId, int count) {
        return services.readList(
                Service.COACHING, PastOneOnOne.class, "/api/v1/reps/{repId}/one-on-ones?limit={n}", repId, count);
    }

    /**
     * A rep's 1:1 agenda: its open signals with their questions, its recent recognitions, its running objectives, the
     * last 1:1, its open action items and, in onboarding, its ramp.
     */
    public Agenda agenda(String repId) {
        return services.read(Service.COACHING, Agenda.class, "/api/v1/reps/{repId}/one-on-one", repId);
    }

    /** What a pulse link asks, read with the link's own id and key (no session); empty for a wrong link. */
    public java.util.Optional<PulseLink> pulseLink(String inviteId, String key) {
        return services.findWithoutSession(
                Service.COACHING, PulseLink.class, Map.of(), "/api/v1/pulse/{id}?key={key}", inviteId, key);
    }

    /** Answers a pulse link (no session): the link as it now stands, or the service's refusal (400, 404, 409, 410). */
    public PulseLink answerPulse(String inviteId, String key, int score, String comment) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("key", key);
        body.put("score", score);
        body.put("comment", comment);
        return services.as(
                services.postWithoutSession(Service.COACHING, body, "/api/v1/pulse/{id}/answer", inviteId),
                PulseLink.class);
    }

    /** A team's pulse, the latest week first (its managers only: anyone else is refused). */
    public List<PulseWeek> teamPulse(String teamId, int weeks) {
        return services.readList(
                Service.COACHING, PulseWeek.class, "/api/v1/teams/{teamId}/pulse?weeks={n}", teamId, weeks);
    }

    /** A rep's own pulse answers (the rep itself only). */
    public List<OwnPulse> ownPulse(String repId) {
        return services.readList(Service.COACHING, OwnPulse.class, "/api/v1/reps/{repId}/pulse", repId);
    }

    /** Asks the team's pulse question of this week now (its manager). */
    public int askPulse(String teamId) {
        return services.post(Service.COACHING, Map.of(), "/api/v1/teams/{teamId}/pulse/ask", teamId)
                .path("asked")
                .asInt();
    }

    /** A unit's open weak signals by team and type against a week ago (never a care signal). */
    public Heatmap heatmap(String unitId) {
        return services.read(Service.COACHING, Heatmap.class, "/api/v1/units/{unitId}/signals/heatmap", unitId);
    }

    /** The heatmap: the types with an open signal (its columns), a row per team, each type's total. */
    @ReadFrom(service = "coaching-service", schema = "Heatmap")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Heatmap(List<SignalType> types, List<HeatRow> teams, Map<SignalType, Long> totals) {

        public Heatmap {
            types = types == null ? List.of() : List.copyOf(types);
            teams = teams == null ? List.of() : List.copyOf(teams);
            totals = totals == null ? Map.of() : Map.copyOf(totals);
        }
    }

    /** A team's open weak signals by type, how many were open a week ago, the signals about the team itself. */
    @ReadFrom(service = "coaching-service", schema = "TeamRow")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HeatRow(
            String teamId,
            String name,
            Map<SignalType, Long> open,
            long total,
            long weekAgo,
            List<Signal> teamSignals) {

        public HeatRow {
            open = open == null ? Map.of() : Map.copyOf(open);
            teamSignals = teamSignals == null ? List.of() : List.copyOf(teamSignals);
        }
    }

    /** A pulse link as its page shows it: OPEN, ANSWERED or EXPIRED. */
    @ReadFrom(service = "coaching-service", schema = "PulseView")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PulseLink(String teamName, LocalDate week, String language, String state, Instant expiresAt) {}

    /**
     * A week of a team's pulse, anonymous: its average, distribution and comments only from three answers (three
     * comments).
     */
    @ReadFrom(service = "coaching-service", schema = "PulseWeek")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PulseWeek(
            LocalDate week,
            long invited,
            long answers,
            BigDecimal average,
            List<Long> distribution,
            List<String> comments) {

        public PulseWeek {
            comments = comments == null ? List.of() : List.copyOf(comments);
        }
    }

    /** A rep's own answer of a week. */
    @ReadFrom(service = "coaching-service", schema = "OwnAnswer")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OwnPulse(LocalDate week, int score, String comment, Instant answeredAt) {}

    /** A rep's care figures (the rep itself and its managers only: leadership and admins are refused). */
    public Care care(String repId) {
        return services.read(Service.COACHING, Care.class, "/api/v1/reps/{repId}/care", repId);
    }

    /**
     * A rep's care figures: what the care rules read about it (docs/kpis-and-signals.md, "Care signals").
     *
     * @param afterHoursShare         the share of its activity outside working hours, last 10 working days
     * @param baselineAfterHoursShare the same share over the 8 weeks before
     * @param lastDayOff              its last day away or day off without activity (null: none within a year)
     * @param energy                  the energy checks of its last 1:1s, the latest first
     * @param rulesOff                the care rules its team turned off
     * @param signals                 the care signals open about it
     */
    @ReadFrom(service = "coaching-service", schema = "CareFigures")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Care(
            String repId,
            String workdayStart,
            String workdayEnd,
            CareWeek thisWeek,
            CareWeek lastWeek,
            BigDecimal afterHoursShare,
            BigDecimal baselineAfterHoursShare,
            int daysInARow,
            LocalDate lastDayOff,
            List<EnergyCheck> energy,
            LocalDate lastOneOnOne,
            int oneOnOneCadenceDays,
            List<String> rulesOff,
            List<CareSignal> signals) {

        public Care {
            energy = energy == null ? List.of() : List.copyOf(energy);
            rulesOff = rulesOff == null ? List.of() : List.copyOf(rulesOff);
            signals = signals == null ? List.of() : List.copyOf(signals);
        }
    }

    /** A week's care figures: days with activity, evenings (working days with activity outside hours), days off worked. */
    @ReadFrom(service = "coaching-service", schema = "CareWeek")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CareWeek(
            LocalDate from,
            LocalDate to,
            int daysWithActivity,
            int evenings,
            int daysOffWorked,
            BigDecimal afterHoursShare) {}

    /** An energy check of a 1:1 (1-5). */
    @ReadFrom(service = "coaching-service", schema = "EnergyCheck")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EnergyCheck(LocalDate heldOn, int energy) {}

    /** A care signal as its rep reads it: what was seen, with its figures. */
    @ReadFrom(service = "coaching-service", schema = "CareSignal")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CareSignal(
            String signalId, SignalType type, String status, List<Evidence> evidence, Instant raisedAt) {}

    /**
     * A signal as the cockpit shows it.
     *
     * @param suggestedAction the coaching action by language ({@code fr}, {@code en})
     * @param linkedTo        the signal this one is part of (a rep's drop within its team's), or null
     */
    @ReadFrom(service = "coaching-service", schema = "Signal")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Signal(
            String signalId,
            SignalType type,
            String repId,
            String teamId,
            Severity severity,
            String status,
            List<Evidence> evidence,
            Map<String, String> suggestedAction,
            Instant raisedAt,
            Instant acknowledgedAt,
            String acknowledgedBy,
            String note,
            Instant resolvedAt,
            String resolution,
            DealSummary deal,
            String linkedTo) {

        public Signal {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
            suggestedAction = suggestedAction == null ? Map.of() : Map.copyOf(suggestedAction);
        }

        public boolean isOpen() {
            return "OPEN".equals(status);
        }

        public boolean isAcknowledged() {
            return "ACKNOWLEDGED".equals(status);
        }
    }

    /** What the cockpit reads of a rep's 1:1 agenda. */
    @ReadFrom(service = "coaching-service", schema = "OneOnOne")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Agenda(
            List<Talk> toDiscuss,
            List<Signal> recognitions,
            List<AgendaObjective> objectives,
            LastOneOnOne lastOneOnOne,
            Onboarding onboarding,
            List<OpenItem> openActionItems) {

        public Agenda {
            toDiscuss = toDiscuss == null ? List.of() : List.copyOf(toDiscuss);
            recognitions = recognitions == null ? List.of() : List.copyOf(recognitions);
            objectives = objectives == null ? List.of() : List.copyOf(objectives);
            openActionItems = openActionItems == null ? List.of() : List.copyOf(openActionItems);
        }
    }

    /** The last 1:1 the agenda starts from ({@code energy} 1-5, null when not checked). */
    @ReadFrom(service = "coaching-service", schema = "LastOneOnOne")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LastOneOnOne(String oneOnOneId, LocalDate heldOn, Integer energy) {}

    /** Where a rep in onboarding stands: days since it started, its first meeting booked and first deal won. */
    @ReadFrom(service = "coaching-service", schema = "Onboarding")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Onboarding(
            LocalDate startDate, long daysSinceStart, LocalDate firstMeetingBooked, LocalDate firstDealWon) {}

    /** An action item of a 1:1 not done yet ({@code overdue}: past its date). */
    @ReadFrom(service = "coaching-service", schema = "OpenItem")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OpenItem(
            String oneOnOneId, String itemId, String text, String owner, LocalDate due, boolean overdue) {}

    /**
     * A past 1:1 ({@code notes} null when another manager kept them private).
     *
     * @param actionItems its action items (counted)
     */
    @ReadFrom(service = "coaching-service", schema = "OneOnOneView")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PastOneOnOne(
            LocalDate heldOn,
            String managerId,
            String notes,
            boolean privateNotes,
            Integer energy,
            List<Object> actionItems) {

        public PastOneOnOne {
            actionItems = actionItems == null ? List.of() : List.copyOf(actionItems);
        }
    }

    /** A running objective of the rep, as the agenda tells it. */
    @ReadFrom(service = "coaching-service", schema = "ObjectiveProgressed")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AgendaObjective(String metric, BigDecimal attainment, BigDecimal pace, String status)
            implements ObjectiveFigures {}

    /** An open signal of the agenda with its 1:1 questions by language. */
    @ReadFrom(service = "coaching-service", schema = "AgendaItem")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Talk(Signal signal, Map<String, List<String>> questions) {

        public Talk {
            questions = questions == null ? Map.of() : Map.copyOf(questions);
        }
    }

    /**
     * A rep's development plan.
     *
     * @param skills    the skills a goal may name for the rep's role
     * @param reviewDue the day its review is due (null: no goal)
     * @param revision  its revision, for {@code If-Match}
     */
    @ReadFrom(service = "coaching-service", schema = "PlanView")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Plan(
            Instant createdAt,
            Instant reviewedAt,
            LocalDate reviewDue,
            List<Goal> goals,
            List<String> skills,
            Long revision) {

        public Plan {
            goals = goals == null ? List.of() : List.copyOf(goals);
            skills = skills == null ? List.of() : List.copyOf(skills);
        }
    }

    /**
     * A goal of a plan and where it stands.
     *
     * @param kind     SKILL, INDICATOR or ROLE_MOVE
     * @param value    an indicator's measured value (null: not measured yet)
     * @param progress the value's share of the target
     */
    @ReadFrom(service = "coaching-service", schema = "GoalView")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Goal(
            String goalId,
            String kind,
            String title,
            String skill,
            String indicator,
            String targetRole,
            BigDecimal target,
            Integer days,
            LocalDate due,
            BigDecimal value,
            BigDecimal progress,
            boolean reached,
            List<Milestone> milestones) {

        public Goal {
            milestones = milestones == null ? List.of() : List.copyOf(milestones);
        }
    }

    /** A milestone of a goal ({@code doneAt} null while not done). */
    @ReadFrom(service = "coaching-service", schema = "Milestone")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Milestone(String milestoneId, String text, LocalDate due, Instant doneAt) {}
}
