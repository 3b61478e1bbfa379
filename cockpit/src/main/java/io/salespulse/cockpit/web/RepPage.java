package io.salespulse.cockpit.web;

import io.salespulse.cockpit.services.ActivityClient;
import io.salespulse.cockpit.services.CoachingClient;
import io.salespulse.cockpit.services.CoachingClient.Signal;
import io.salespulse.cockpit.services.KpiClient;
import io.salespulse.cockpit.services.ObjectiveFigures;
import io.salespulse.cockpit.services.Services;
import io.salespulse.cockpit.services.Services.Pending;
import io.salespulse.cockpit.services.Services.Service;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A rep, as a manager prepares a 1:1 from facts: this week against last, the last four weeks day by day (a chart),
 * the objectives with attainment and pace, the open deals, the open signals with their questions, and the recent
 * recognitions.
 */
@Controller
class RepPage {

    /** An objective as the page shows it. */
    record ObjectiveLine(String metric, String attainment, String pace, String status, int bar) {}

    /** A signal or recognition to talk about. */
    record Talk(String signalId, String severity, String title, List<String> questions) {}

    /** An open deal as the page lists it. */
    record DealLine(
            String name,
            String stage,
            String amount,
            String daysInStage,
            String expectedClose,
            boolean closeDatePassed) {}

    static final int CHART_DAYS = 28;
    static final int DEALS_SHOWN = 50;

    private final Services services;
    private final CoachingClient coaching;
    private final KpiClient kpi;
    private final ActivityClient activity;
    private final Labels labels;
    private final io.salespulse.cockpit.security.CurrentUser user;
    private final Clock clock;
    private final TeamObjectives teamObjectives;

    RepPage(
            Services services,
            CoachingClient coaching,
            KpiClient kpi,
            ActivityClient activity,
            Labels labels,
            io.salespulse.cockpit.security.CurrentUser user,
            Clock clock,
            TeamObjectives teamObjectives) {
        this.teamObjectives = teamObjectives;
        this.services = services;
        this.coaching = coaching;
        this.kpi = kpi;
        this.activity = activity;
        this.labels = labels;
        this.user = user;
        this.clock = clock;
    }

    /** Where a rep in onboarding stands: started on, days since, its first meeting booked and deal won (null: not yet). */
    record Ramp(String startDate, long days, String firstMeeting, String firstDeal) {}

    /** An open action item of the rep's 1:1s. */
    record ItemLine(String oneOnOneId, String itemId, String text, String owner, String due, boolean overdue) {}

    /** The 1:1 form's values, as typed (an item's three fields per row). */
    record OneOnOneForm(
            String oneOnOneId,
            String heldOn,
            String notes,
            boolean privateNotes,
            String energy,
            List<String[]> items) {}

    static final int ITEM_ROWS = 3;
    static final int PAST_ONE_ON_ONES = 5;

    /** A past 1:1 as the page lists it: its notes, or none when they are another manager's private ones. */
    record PastOneOnOne(String heldOn, String managerId, String notes, boolean hidden, String energy, int items) {}

    @GetMapping("/reps/{repId}")
    String rep(@PathVariable String repId, Model model, Locale locale) {
        PageAdvice.checkId(repId);
        return render(repId, null, Map.of(), model, locale);
    }

    /** Records a 1:1 (the form's id makes a second submission the same 1:1). */
    @PostMapping("/reps/{repId}/one-on-ones")
    String record(
            @PathVariable String repId,
            @RequestParam String oneOnOneId,
            @RequestParam Map<String, String> params,
            Model model,
            Locale locale,
            RedirectAttributes flash) {
        PageAdvice.checkId(repId);
        PageAdvice.checkId(oneOnOneId);
        List<String[]> rows = new ArrayList<>();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < ITEM_ROWS; i++) {
            String[] row = {
                params.getOrDefault("item" + i + "-text", "").strip(),
                params.getOrDefault("item" + i + "-owner", "REP"),
                params.getOrDefault("item" + i + "-due", "").strip()
            };
            rows.add(row);
            if (!row[0].isEmpty() || !row[2].isEmpty()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("text", row[0]);
                item.put("owner", row[1]);
                item.put("due", row[2].isEmpty() ? null : row[2]);
                items.add(item);
            }
        }
        OneOnOneForm form = new OneOnOneForm(
                oneOnOneId,
                params.getOrDefault("heldOn", ""),
                params.getOrDefault("notes", ""),
                "true".equals(params.get("privateNotes")),
                params.getOrDefault("energy", ""),
                rows);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("heldOn", form.heldOn().isBlank() ? null : form.heldOn());
        body.put("notes", form.notes().isBlank() ? null : form.notes());
        body.put("privateNotes", form.privateNotes());
        body.put("energy", form.energy().isBlank() ? null : form.energy());
        body.put("actionItems", items);
        try {
            services.put(Service.COACHING, body, "/api/v1/reps/{repId}/one-on-ones/{id}", repId, oneOnOneId);
        } catch (Services.ServiceRefusal refusal) {
            if (refusal.status() != 400) {
                throw refusal;
            }
            return render(repId, form, labels.fieldErrors(refusal.fieldErrors(), locale), model, locale);
        }
        flash.addFlashAttribute("oneOnOneSaved", true);
        return "redirect:/reps/" + repId + "#one-on-one";
    }

    @PostMapping("/reps/{repId}/one-on-ones/{oneOnOneId}/items/{itemId}/done")
    String done(@PathVariable String repId, @PathVariable String oneOnOneId, @PathVariable String itemId) {
        PageAdvice.checkId(repId);
        PageAdvice.checkId(oneOnOneId);
        PageAdvice.checkId(itemId);
        services.post(
                Service.COACHING,
                Map.of(),
                "/api/v1/reps/{repId}/one-on-ones/{id}/action-items/{item}/done",
                repId,
                oneOnOneId,
                itemId);
        return "redirect:/reps/" + repId + "#action-items";
    }

    /** The days the agenda looks back over when there is no 1:1 yet, and the most it looks back over. */
    static final int AGENDA_DAYS = 14;

    static final int MOST_DAYS_BACK = 90;

    /** The first day after the last 1:1 (at most {@value #MOST_DAYS_BACK} days back), else the agenda's first day. */
    static LocalDate sinceLastOneOnOne(CoachingClient.LastOneOnOne last, LocalDate today) {
        LocalDate since =
                last != null && last.heldOn() != null ? last.heldOn().plusDays(1) : today.minusDays(AGENDA_DAYS - 1);
        if (since.isAfter(today)) {
            return today;
        }
        return since.isBefore(today.minusDays(MOST_DAYS_BACK - 1)) ? today.minusDays(MOST_DAYS_BACK - 1) : since;
    }

    /** Calls, connected calls and meetings from {@code since} to today, each against as many days just before. */
    static List<TeamBoard.Measure> sinceLast(List<KpiClient.DailyRow> rows, LocalDate since) {
        Map<String, String> measures = new java.util.LinkedHashMap<>();
        measures.put("calls", "calls");
        measures.put("connected", "connectedCalls");
        measures.put("meetingsBooked", "meetingsBooked");
        measures.put("meetingsHeld", "meetingsHeld");
        List<TeamBoard.Measure> lines = new ArrayList<>();
        measures.forEach((key, name) -> {
            long now = 0;
            long before = 0;
            for (KpiClient.DailyRow row : rows) {
                long count = row.activity() == null ? 0 : row.activity().count(name);
                if (row.day().isBefore(since)) {
                    before += count;
                } else {
                    now += count;
                }
            }
            lines.add(new TeamBoard.Measure(key, now, Figures.change(now, before)));
        });
        return lines;
    }

    private String render(String repId, OneOnOneForm typed, Map<String, String> errors, Model model, Locale locale) {
        ActivityClient.Rep rep = activity.rep(repId);
        String teamId = rep.teamId();
        ActivityClient.Team team = activity.team(teamId);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(team.timezone())));
        // This week so far against the same days of last week (like for like).
        Pending<KpiClient.RepKpis> week = services.async(() -> kpi.repWeek(repId, today));
        Pending<List<KpiClient.DailyRow>> daily =
                services.async(() -> kpi.repDaily(repId, today.minusDays(CHART_DAYS - 1), today));
        Pending<List<KpiClient.OpenDeal>> openDeals = services.async(() -> kpi.openDeals(repId, DEALS_SHOWN + 1));
        Pending<List<CoachingClient.PastOneOnOne>> pastOneOnOnes =
                services.async(() -> coaching.pastOneOnOnes(repId, PAST_ONE_ON_ONES));
        Pending<List<ActivityClient.Absence>> absences =
                services.async(() -> activity.absencesOfRep(repId, today, today.plusDays(90)));
        Pending<CoachingClient.Plan> plan = services.async(() -> coaching.plan(repId));
        Pending<Map<String, String>> people = services.async(activity::people);
        boolean csm = "CSM".equals(rep.role());
        Pending<KpiClient.Retention> retention = csm ? services.async(() -> kpi.repRetention(repId, "quarter")) : null;
        Pending<List<KpiClient.Account>> accounts = csm ? services.async(() -> kpi.repAccounts(repId)) : null;
        Pending<List<KpiClient.Objective>> upcoming = services.async(() -> kpi.objectivesOfRep(repId, today, true));
        // A rep's care figures are for its managers only: leadership and admins are refused them, and see no section.
        Pending<CoachingClient.Care> care = services.async(() -> {
            try {
                return coaching.care(repId);
            } catch (Services.ServiceRefusal refusal) {
                if (refusal.status() == 403) {
                    return null;
                }
                throw refusal;
            }
        });
        CoachingClient.Agenda agenda = coaching.agenda(repId);
        // What changed since the last 1:1 (the agenda's 14 days without one), against as many days just before.
        LocalDate since = sinceLastOneOnOne(agenda.lastOneOnOne(), today);
        long span = java.time.temporal.ChronoUnit.DAYS.between(since, today) + 1;
        Pending<List<KpiClient.DailyRow>> around =
                services.async(() -> kpi.repDaily(repId, since.minusDays(span), today));
        String name = rep.displayName();
        String language = "fr".equals(locale.getLanguage()) ? "fr" : "en";

        Map<String, String> charted = charted(labels, locale);
        List<DealLine> deals = new ArrayList<>();
        for (KpiClient.OpenDeal deal : openDeals.get()) {
            if (deals.size() == DEALS_SHOWN) {
                break;
            }
            deals.add(new DealLine(
                    deal.name() != null ? deal.name() : deal.dealId(),
                    labels.word("stage." + deal.stage(), locale),
                    deal.amount() != null ? Figures.amount(deal.amount(), deal.currency(), locale) : "—",
                    deal.daysInStage() != null ? String.valueOf(deal.daysInStage()) : "—",
                    deal.expectedCloseDate() != null ? Figures.day(deal.expectedCloseDate(), locale) : "—",
                    deal.closeDatePassed()));
        }
        List<ObjectiveLine> objectives = objectiveLines(agenda.objectives(), labels, locale);
        List<Talk> toDiscuss = new ArrayList<>();
        for (CoachingClient.Talk item : agenda.toDiscuss()) {
            Signal signal = item.signal();
            toDiscuss.add(new Talk(
                    signal.signalId(),
                    signal.severity().name(),
                    labels.signalTitle(signal, name, locale),
                    item.questions().getOrDefault(language, List.of())));
        }
        List<Talk> recognitions = new ArrayList<>();
        for (Signal signal : agenda.recognitions()) {
            recognitions.add(new Talk(
                    signal.signalId(), signal.severity().name(), labels.signalTitle(signal, name, locale), List.of()));
        }
        model.addAttribute("rep", rep);
        model.addAttribute(
                "book",
                csm
                        ? BookSection.of(
                                retention.get(), accounts.get(), Map.of(repId, rep.displayName()), labels, locale)
                        : null);
        model.addAttribute(
                "care", care.get() == null ? null : CareSection.of(care.get(), rep.displayName(), labels, locale));
        model.addAttribute("away", awayLines(absences.get(), rep.displayName()));
        model.addAttribute("plan", PlanSection.lines(plan.get(), labels, locale, today));
        CoachingClient.Onboarding onboarding = agenda.onboarding();
        model.addAttribute(
                "onboarding",
                onboarding == null
                        ? null
                        : new Ramp(
                                Figures.day(onboarding.startDate(), locale),
                                onboarding.daysSinceStart(),
                                onboarding.firstMeetingBooked() != null
                                        ? Figures.day(onboarding.firstMeetingBooked(), locale)
                                        : null,
                                onboarding.firstDealWon() != null
                                        ? Figures.day(onboarding.firstDealWon(), locale)
                                        : null));
        model.addAttribute("planKinds", PlanSection.KINDS);
        model.addAttribute("planIndicators", PlanSection.INDICATORS);
        model.addAttribute("planRoles", PlanSection.ROLES);
        if (!model.containsAttribute("planForm")) {
            model.addAttribute("planForm", Map.of());
        }
        if (!model.containsAttribute("planErrors")) {
            model.addAttribute("planErrors", Map.of());
        }
        model.addAttribute("name", name);
        model.addAttribute("teamId", teamId);
        model.addAttribute("teamName", team.name());
        model.addAttribute("measures", TeamBoard.measures(week.get(), week.get().comparison()));
        model.addAttribute("comparedWith", TeamBoard.comparedWith(week.get().comparison(), labels, locale));
        model.addAttribute("chartData", DailyChart.ofRep(daily.get(), charted));
        model.addAttribute("deals", deals);
        model.addAttribute("dealsCapped", openDeals.get().size() > DEALS_SHOWN);
        model.addAttribute("objectives", objectives);
        model.addAttribute("upcoming", teamObjectives.lines(upcoming.get(), Map.of(), locale));
        model.addAttribute("toDiscuss", toDiscuss);
        model.addAttribute("recognitions", recognitions);
        CoachingClient.LastOneOnOne last = agenda.lastOneOnOne();
        model.addAttribute("lastOneOnOne", last);
        model.addAttribute("lastOneOnOneDay", last == null ? null : Figures.day(last.heldOn(), locale));
        model.addAttribute("actionItems", itemLines(agenda.openActionItems(), locale));
        model.addAttribute("sinceDay", Figures.day(since, locale));
        model.addAttribute("sinceLast", sinceLast(around.get(), since));
        List<PastOneOnOne> past = new ArrayList<>();
        for (CoachingClient.PastOneOnOne o : pastOneOnOnes.get()) {
            past.add(new PastOneOnOne(
                    Figures.day(o.heldOn(), locale),
                    people.get().getOrDefault(o.managerId(), o.managerId()),
                    o.notes(),
                    o.privateNotes() && o.notes() == null,
                    o.energy() != null ? String.valueOf(o.energy()) : null,
                    o.actionItems().size()));
        }
        model.addAttribute("pastOneOnOnes", past);
        List<String[]> emptyRows = new ArrayList<>();
        for (int i = 0; i < ITEM_ROWS; i++) {
            emptyRows.add(new String[] {"", "REP", ""});
        }
        model.addAttribute(
                "oneOnOne",
                typed != null
                        ? typed
                        : new OneOnOneForm(
                                java.util.UUID.randomUUID().toString(), today.toString(), "", false, "", emptyRows));
        model.addAttribute("errors", errors);
        model.addAttribute("mayChange", user.get().isManager() || user.get().isAdmin());
        return "rep";
    }

    /** Objectives (as kpi-service or the agenda gives them) as the pages show them. */
    static List<ObjectiveLine> objectiveLines(List<? extends ObjectiveFigures> list, Labels labels, Locale locale) {
        List<ObjectiveLine> objectives = new ArrayList<>();
        for (ObjectiveFigures objective : list) {
            // Pace as a share, as on the objectives page: "97 %", never "0,9828".
            objectives.add(new ObjectiveLine(
                    labels.word("objective.metric." + objective.metric(), locale),
                    Figures.percent(objective.attainment(), locale),
                    Figures.percent(objective.pace(), locale),
                    objective.status(),
                    TeamObjectives.bar(objective.attainment())));
        }
        return objectives;
    }

    /** Open action items (as coaching-service gives them) as the pages show them. */
    static List<ItemLine> itemLines(List<CoachingClient.OpenItem> list, Locale locale) {
        List<ItemLine> items = new ArrayList<>();
        for (CoachingClient.OpenItem item : list) {
            items.add(new ItemLine(
                    item.oneOnOneId(),
                    item.itemId(),
                    item.text(),
                    item.owner(),
                    item.due() != null ? Figures.day(item.due(), locale) : "—",
                    item.overdue()));
        }
        return items;
    }

    /** A rep's absences (as activity-service gives them) as the pages show them. */
    static List<AbsencesPage.Line> awayLines(List<ActivityClient.Absence> list, String name) {
        List<AbsencesPage.Line> away = new ArrayList<>();
        list.forEach(a -> away.add(AbsencesPage.Line.of(a, name)));
        return away;
    }

    /** The measures the daily chart draws for a rep. */
    static Map<String, String> charted(Labels labels, Locale locale) {
        Map<String, String> charted = new LinkedHashMap<>();
        charted.put("calls", labels.word("measure.calls", locale));
        charted.put("connectedCalls", labels.word("measure.connected", locale));
        charted.put("meetingsBooked", labels.word("measure.meetingsBooked", locale));
        return charted;
    }
}
