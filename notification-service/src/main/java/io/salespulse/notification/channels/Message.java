package io.salespulse.notification.channels;

import io.salespulse.contracts.EventCodec;
import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.signal.Evidence;
import io.salespulse.contracts.signal.Severity;
import io.salespulse.contracts.signal.SignalRaised;
import io.salespulse.contracts.signal.SignalType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One signal told to one manager, in the manager's language: a title, what was seen (the evidence, labelled), what
 * to do (the coaching suggestion), and a link back to the team's view. Every channel renders this.
 *
 * @param signalId   the signal
 * @param type       its type
 * @param severity   its severity
 * @param language   the manager's language
 * @param title      one line
 * @param facts      labelled figures
 * @param suggestion the suggested coaching action
 * @param link       the team's view of the signal
 */
public record Message(String signalId, SignalType type, Severity severity, Language language, String title,
                      List<Map.Entry<String, String>> facts, String suggestion, String link) {

    private static final Map<SignalType, String[]> TITLES = new EnumMap<>(SignalType.class);
    private static final Map<String, String[]> LABELS = Map.ofEntries(
            Map.entry("activityLastDays", new String[] {"Activité (5 derniers jours ouvrés)", "Activity (last 5 working days)"}),
            Map.entry("baseline", new String[] {"Référence", "Baseline"}),
            Map.entry("ratio", new String[] {"Ratio", "Ratio"}),
            Map.entry("threshold", new String[] {"Seuil", "Threshold"}),
            Map.entry("workingDaysSilent", new String[] {"Jours ouvrés sans activité", "Working days without activity"}),
            Map.entry("connectRate", new String[] {"Taux de décroché", "Connect rate"}),
            Map.entry("baselineConnectRate", new String[] {"Taux de référence", "Baseline connect rate"}),
            Map.entry("daysInStage", new String[] {"Jours dans l'étape", "Days in stage"}),
            Map.entry("daysWithoutActivity", new String[] {"Jours sans activité", "Days without activity"}),
            Map.entry("pushes", new String[] {"Reports de date", "Close date pushes"}),
            Map.entry("attainment", new String[] {"Atteinte", "Attainment"}),
            Map.entry("actual", new String[] {"Réalisé", "Actual"}),
            Map.entry("target", new String[] {"Objectif", "Target"}),
            Map.entry("elapsed", new String[] {"Période écoulée", "Period elapsed"}),
            Map.entry("projection", new String[] {"Projection", "Projection"}),
            Map.entry("coverage", new String[] {"Couverture", "Coverage"}),
            Map.entry("amount", new String[] {"Montant", "Amount"}),
            Map.entry("milestone", new String[] {"Palier", "Milestone"}),
            Map.entry("windowDays", new String[] {"Fenêtre (jours ouvrés)", "Window (working days)"}),
            Map.entry("calls", new String[] {"Appels", "Calls"}),
            Map.entry("weekTotal", new String[] {"Semaine passée", "Last week"}),
            Map.entry("previousBest", new String[] {"Meilleure semaine avant", "Best week before"}),
            Map.entry("weeks", new String[] {"Semaines comparées", "Weeks compared"}),
            Map.entry("openPipeline", new String[] {"Pipeline ouvert attendu", "Open pipeline expected"}),
            Map.entry("leftToWin", new String[] {"Reste à signer", "Left to win"}));

    static {
        TITLES.put(SignalType.ACTIVITY_DROP, new String[] {"Baisse d'activité de %s", "%s's activity is dropping"});
        TITLES.put(SignalType.SILENCE, new String[] {"Pas d'activité de %s", "No activity from %s"});
        TITLES.put(SignalType.CONNECT_RATE_DROP, new String[] {"Taux de décroché en baisse pour %s", "%s's connect rate is falling"});
        TITLES.put(SignalType.STALLED_DEAL, new String[] {"Affaire bloquée (%s)", "Stalled deal (%s)"});
        TITLES.put(SignalType.DEAL_GONE_QUIET, new String[] {"Affaire silencieuse (%s)", "Deal gone quiet (%s)"});
        TITLES.put(SignalType.CLOSE_DATE_SLIPPING, new String[] {"Date de signature qui glisse (%s)", "Close date slipping (%s)"});
        TITLES.put(SignalType.OBJECTIVE_AT_RISK, new String[] {"Objectif en danger (%s)", "Objective at risk (%s)"});
        TITLES.put(SignalType.LOW_COVERAGE, new String[] {"Couverture de pipeline faible (%s)", "Low pipeline coverage (%s)"});
        TITLES.put(SignalType.OBJECTIVE_ACHIEVED, new String[] {"Palier d'objectif atteint par %s", "Objective milestone reached by %s"});
        TITLES.put(SignalType.BIG_WIN, new String[] {"Belle signature de %s", "Big win for %s"});
        TITLES.put(SignalType.PERSONAL_BEST, new String[] {"Record personnel de %s", "Personal best for %s"});
        TITLES.put(SignalType.BACK_ON_TRACK, new String[] {"%s a retrouvé son rythme", "%s is back on track"});
    }

    /** The message of a raised signal for a manager writing in {@code language}. */
    public static Message of(SignalRaised signal, String who, Language language, String appUrl) {
        int index = language == Language.fr ? 0 : 1;
        List<Map.Entry<String, String>> facts = facts(signal.evidence(), language);
        String suggestion = signal.suggestedAction() == null ? "" : signal.suggestedAction().getOrDefault(language, "");
        String link = appUrl + "/teams/" + signal.teamId() + "/signals/" + signal.signalId();
        String title = TITLES.get(signal.type())[index].formatted(who);
        if (signal.type() == SignalType.OBJECTIVE_ACHIEVED) {
            // Say which milestone: 50%, 100% and 150% of one objective are three different messages.
            BigDecimal milestone = signal.evidence().stream().filter(e -> "milestone".equals(e.name())).map(Evidence::value).findFirst()
                    .orElse(null);
            if (milestone != null) {
                String percent = milestone.movePointRight(2).stripTrailingZeros().toPlainString();
                title = language == Language.fr ? who + " atteint " + percent + " % de son objectif"
                        : who + " reached " + percent + "% of their objective";
            }
        }
        return new Message(signal.signalId(), signal.type(), signal.severity(), language, title, facts, suggestion, link);
    }

    private static List<Map.Entry<String, String>> facts(List<Evidence> evidence, Language language) {
        int index = language == Language.fr ? 0 : 1;
        List<Map.Entry<String, String>> facts = new ArrayList<>();
        for (Evidence e : evidence) {
            String[] label = LABELS.get(e.name());
            facts.add(Map.entry(label == null ? e.name() : label[index], format(e.value())));
        }
        return facts;
    }

    /** This message after its signal changed: the new severity and figures, the same title, advice and link. */
    public Message updated(Severity newSeverity, List<Evidence> evidence) {
        return new Message(signalId, type, newSeverity, language, title, facts(evidence, language), suggestion, link);
    }

    /** A signal's one-line title about {@code who} (a rep's or team's name) in a language. */
    public static String title(SignalType type, String who, Language language) {
        return TITLES.get(type)[language == Language.fr ? 0 : 1].formatted(who);
    }

    private static String format(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    /**
     * What a delivery stores of its message, in JSON: all but the figures (they live in the channel payloads). A digest
     * lists stored messages, the log shows their titles, an escalation renders them again with new figures.
     */
    public String stored() {
        return EventCodec.mapper().writeValueAsString(Map.of("signalId", signalId, "type", type.name(), "severity", severity.name(),
                "language", language.name(), "title", title, "suggestion", suggestion, "link", link));
    }

    /** A message as {@link #stored()} kept it (without its figures). */
    public static Message fromStored(String json) {
        JsonNode n = EventCodec.mapper().readTree(json);
        return new Message(n.get("signalId").asString(), SignalType.valueOf(n.get("type").asString()),
                Severity.valueOf(n.get("severity").asString()), Language.valueOf(n.get("language").asString()),
                n.get("title").asString(), List.of(), n.get("suggestion").asString(), n.get("link").asString());
    }

    String viewLabel() {
        return language == Language.fr ? "Voir dans SalesPulse" : "Open in SalesPulse";
    }
}
