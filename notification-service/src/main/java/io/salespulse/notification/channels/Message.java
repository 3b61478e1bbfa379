package io.salespulse.notification.channels;

import io.salespulse.contracts.EventCodec;
import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.signal.DealSummary;
import io.salespulse.contracts.signal.Evidence;
import io.salespulse.contracts.signal.Severity;
import io.salespulse.contracts.signal.SignalRaised;
import io.salespulse.contracts.signal.SignalType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One signal told to one manager, in the manager's language: a title, what was seen (the evidence, labelled), what
 * to do (the coaching suggestion), and a link back to the team's view; for a deal signal, the deal (named in the title,
 * its amount, stage and close date among the facts) and a link to it in its CRM. Every channel renders this.
 *
 * @param signalId   the signal
 * @param type       its type
 * @param severity   its severity
 * @param language   the manager's language
 * @param title      one line
 * @param facts      labelled figures
 * @param suggestion the suggested coaching action
 * @param link       the signal's page in SalesPulse
 * @param linkLabel  the words of that link
 * @param crmLink    for a deal signal, the deal's page in its CRM ({@code null}: none configured, or not a deal)
 * @param crmLinkLabel the words of that link
 */
public record Message(
        String signalId,
        SignalType type,
        Severity severity,
        Language language,
        String title,
        List<Map.Entry<String, String>> facts,
        String suggestion,
        String link,
        String linkLabel,
        String crmLink,
        String crmLinkLabel) {

    /** The message of a raised signal for a manager writing in {@code language}. */
    public static Message of(SignalRaised signal, String who, Language language, String appUrl, Texts texts) {
        List<Map.Entry<String, String>> facts =
                new ArrayList<>(dealFacts(signal.deal(), signal.evidence(), language, texts));
        facts.addAll(facts(
                signal.type(),
                signal.deal() != null && signal.deal().amount() != null
                        ? signal.deal().amount().currency()
                        : null,
                signal.evidence(),
                language,
                texts));
        String suggestion =
                signal.suggestedAction() == null ? "" : signal.suggestedAction().getOrDefault(language, "");
        String link = appUrl + "/teams/" + signal.teamId() + "/signals/" + signal.signalId();
        String title = texts.title(signal.type(), who, language);
        if (signal.type() == SignalType.OBJECTIVE_ACHIEVED) {
            // Say which milestone: 50%, 100% and 150% of one objective are three different messages.
            BigDecimal milestone = signal.evidence().stream()
                    .filter(e -> "milestone".equals(e.name()))
                    .map(Evidence::value)
                    .findFirst()
                    .orElse(null);
            if (milestone != null) {
                title = texts.get(
                        language,
                        "signal.title.milestone",
                        who,
                        milestone.movePointRight(2).stripTrailingZeros().toPlainString());
            }
        }
        DealSummary deal = signal.deal();
        if (deal != null && deal.name() != null && !deal.name().isBlank()) {
            title = texts.get(language, "signal.title.with-deal", title, deal.name());
        }
        String crmLink = deal == null ? null : deal.crmUrl();
        return new Message(
                signal.signalId(),
                signal.type(),
                signal.severity(),
                language,
                title,
                List.copyOf(facts),
                suggestion,
                link,
                texts.openLabel(language),
                crmLink,
                crmLink == null ? null : texts.get(language, "link.crm"));
    }

    /** What the manager needs of the deal, labelled: amount, stage (and days in it, unless a figure says so), close date. */
    private static List<Map.Entry<String, String>> dealFacts(
            DealSummary deal, List<Evidence> evidence, Language language, Texts texts) {
        if (deal == null) {
            return List.of();
        }
        List<Map.Entry<String, String>> facts = new ArrayList<>();
        if (deal.amount() != null) {
            facts.add(Map.entry(texts.get(language, "deal.amount"), texts.money(deal.amount(), language)));
        }
        if (deal.stage() != null) {
            boolean daysTold = evidence.stream().anyMatch(e -> "daysInStage".equals(e.name()));
            String stage = texts.get(language, "stage." + deal.stage().name());
            facts.add(Map.entry(
                    texts.get(language, "deal.stage"),
                    deal.daysInStage() == null || daysTold || deal.stage().isClosed()
                            ? stage
                            : texts.get(language, "deal.stage-days", stage, deal.daysInStage())));
        }
        if (deal.expectedCloseDate() != null
                && !(deal.stage() != null && deal.stage().isClosed())) {
            facts.add(
                    Map.entry(texts.get(language, "deal.close-date"), texts.date(deal.expectedCloseDate(), language)));
        }
        return facts;
    }

    /**
     * Each figure under its label in the manager's language (a figure no bundle names keeps its own name), written as
     * the cockpit writes it ({@link io.salespulse.contracts.texts.Readable#evidence}).
     *
     * @param currency the signal's deal's currency, or null
     */
    private static List<Map.Entry<String, String>> facts(
            SignalType type, String currency, List<Evidence> evidence, Language language, Texts texts) {
        List<Map.Entry<String, String>> facts = new ArrayList<>();
        for (Evidence e : evidence) {
            facts.add(Map.entry(
                    texts.getOr(language, "evidence." + e.name(), e.name()),
                    io.salespulse.contracts.texts.Readable.evidence(
                            type.name(), e.name(), e.value(), currency, language.locale())));
        }
        return facts;
    }

    /** This message after its signal changed: the new severity and figures, the same title, advice and link. */
    public Message updated(Severity newSeverity, List<Evidence> evidence, Texts texts) {
        return new Message(
                signalId,
                type,
                newSeverity,
                language,
                title,
                facts(type, null, evidence, language, texts),
                suggestion,
                link,
                linkLabel,
                crmLink,
                crmLinkLabel);
    }

    /**
     * What a delivery stores of its message, in JSON: all but the figures (they live in the channel payloads). A digest
     * lists stored messages, the log shows their titles, an escalation renders them again with new figures.
     */
    public String stored() {
        Map<String, String> stored = new java.util.LinkedHashMap<>(Map.of(
                "signalId",
                signalId,
                "type",
                type.name(),
                "severity",
                severity.name(),
                "language",
                language.name(),
                "title",
                title,
                "suggestion",
                suggestion,
                "link",
                link,
                "linkLabel",
                linkLabel));
        if (crmLink != null) {
            stored.put("crmLink", crmLink);
            stored.put("crmLinkLabel", crmLinkLabel);
        }
        return EventCodec.mapper().writeValueAsString(stored);
    }

    /** The title of a message as {@link #stored()} kept it. */
    public static String storedTitle(String json) {
        return EventCodec.mapper().readTree(json).get("title").asString();
    }

    /** A message as {@link #stored()} kept it (without its figures); one stored before links had a label gets it now. */
    public static Message fromStored(String json, Texts texts) {
        JsonNode n = EventCodec.mapper().readTree(json);
        Language language = Language.valueOf(n.get("language").asString());
        return new Message(
                n.get("signalId").asString(),
                SignalType.valueOf(n.get("type").asString()),
                Severity.valueOf(n.get("severity").asString()),
                language,
                n.get("title").asString(),
                List.of(),
                n.get("suggestion").asString(),
                n.get("link").asString(),
                n.hasNonNull("linkLabel") ? n.get("linkLabel").asString() : texts.openLabel(language),
                n.hasNonNull("crmLink") ? n.get("crmLink").asString() : null,
                n.hasNonNull("crmLinkLabel") ? n.get("crmLinkLabel").asString() : null);
    }
}
