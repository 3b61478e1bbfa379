package io.salespulse.notification.channels;

import io.salespulse.contracts.EventCodec;
import java.util.HexFormat;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The payload of each channel: Slack Block Kit, a Microsoft Teams Adaptive Card (workflow webhook) and a generic
 * webhook body signed {@code t=<unix>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}.
 */
public final class Renderers {

    private Renderers() {}

    /** Slack incoming webhook body (Block Kit), with a text fallback for notifications. */
    public static String slack(Message m) {
        ObjectNode root = EventCodec.mapper().createObjectNode();
        root.put("text", m.title());
        ArrayNode blocks = root.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", m.title());
        if (!m.facts().isEmpty()) {
            ObjectNode section = blocks.addObject().put("type", "section");
            ArrayNode fields = section.putArray("fields");
            for (Map.Entry<String, String> fact : m.facts()) {
                fields.addObject()
                        .put("type", "mrkdwn")
                        .put("text", "*" + slackEscape(fact.getKey()) + "*\n" + slackEscape(fact.getValue()));
            }
        }
        blocks.addObject()
                .put("type", "section")
                .putObject("text")
                .put("type", "mrkdwn")
                .put("text", slackEscape(m.suggestion()));
        ArrayNode elements = blocks.addObject().put("type", "actions").putArray("elements");
        ObjectNode button = elements.addObject().put("type", "button").put("url", m.link());
        button.putObject("text").put("type", "plain_text").put("text", m.linkLabel());
        if (m.crmLink() != null) {
            ObjectNode crm = elements.addObject().put("type", "button").put("url", m.crmLink());
            crm.putObject("text").put("type", "plain_text").put("text", m.crmLinkLabel());
        }
        return root.toString();
    }

    /** Microsoft Teams workflow webhook body: a message with one Adaptive Card attachment. */
    public static String teams(Message m) {
        ObjectNode root = EventCodec.mapper().createObjectNode().put("type", "message");
        ObjectNode card = adaptiveCard(root);
        ArrayNode body = card.putArray("body");
        heading(body, m.title());
        if (!m.facts().isEmpty()) {
            ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
            for (Map.Entry<String, String> fact : m.facts()) {
                facts.addObject().put("title", fact.getKey()).put("value", fact.getValue());
            }
        }
        body.addObject().put("type", "TextBlock").put("text", m.suggestion()).put("wrap", true);
        ArrayNode actions = card.putArray("actions");
        actions.addObject()
                .put("type", "Action.OpenUrl")
                .put("title", m.linkLabel())
                .put("url", m.link());
        if (m.crmLink() != null) {
            actions.addObject()
                    .put("type", "Action.OpenUrl")
                    .put("title", m.crmLinkLabel())
                    .put("url", m.crmLink());
        }
        return root.toString();
    }

    /**
     * An email ({@link MailTemplates} writes them).
     *
     * @param subject the subject
     * @param text    the plain-text part
     * @param html    the HTML part (every value escaped)
     */
    public record Email(String subject, String text, String html) {}

    /** A digest: several messages under one title, as one message of the channel. */
    public static String slackDigest(String title, java.util.List<Message> items) {
        ObjectNode root = EventCodec.mapper().createObjectNode();
        root.put("text", title);
        ArrayNode blocks = root.putArray("blocks");
        blocks.addObject()
                .put("type", "header")
                .putObject("text")
                .put("type", "plain_text")
                .put("text", title);
        for (Message m : items) {
            blocks.addObject()
                    .put("type", "section")
                    .putObject("text")
                    .put("type", "mrkdwn")
                    .put(
                            "text",
                            "*" + slackEscape(m.title()) + "*\n" + slackEscape(m.suggestion()) + "\n<" + m.link() + "|"
                                    + m.linkLabel() + ">"
                                    + (m.crmLink() == null ? "" : " · <" + m.crmLink() + "|" + m.crmLinkLabel() + ">"));
        }
        return root.toString();
    }

    public static String teamsDigest(String title, java.util.List<Message> items) {
        ObjectNode root = EventCodec.mapper().createObjectNode().put("type", "message");
        ObjectNode card = adaptiveCard(root);
        ArrayNode body = card.putArray("body");
        heading(body, title);
        for (Message m : items) {
            body.addObject()
                    .put("type", "TextBlock")
                    .put("text", m.title())
                    .put("weight", "Bolder")
                    .put("wrap", true);
            body.addObject()
                    .put("type", "TextBlock")
                    .put("text", m.suggestion())
                    .put("wrap", true);
            if (m.crmLink() != null) {
                body.addObject()
                        .put("type", "TextBlock")
                        .put("text", "[" + m.crmLinkLabel() + "](" + m.crmLink() + ")")
                        .put("wrap", true);
            }
        }
        return root.toString();
    }

    public static String webhookDigest(String title, java.util.List<Message> items) {
        ObjectNode root = EventCodec.mapper().createObjectNode().put("digest", title);
        ArrayNode signals = root.putArray("signals");
        for (Message m : items) {
            ObjectNode signal = signals.addObject()
                    .put("signalId", m.signalId())
                    .put("type", m.type().name())
                    .put("title", m.title())
                    .put("link", m.link());
            if (m.crmLink() != null) {
                signal.put("crmLink", m.crmLink());
            }
        }
        return root.toString();
    }

    /** The generic webhook body: the signal in JSON. */
    public static String webhook(Message m) {
        ObjectNode root = EventCodec.mapper()
                .createObjectNode()
                .put("signalId", m.signalId())
                .put("type", m.type().name())
                .put("severity", m.severity().name())
                .put("title", m.title())
                .put("suggestion", m.suggestion())
                .put("link", m.link());
        if (m.crmLink() != null) {
            root.put("crmLink", m.crmLink());
        }
        ArrayNode facts = root.putArray("facts");
        for (Map.Entry<String, String> fact : m.facts()) {
            facts.addObject().put("label", fact.getKey()).put("value", fact.getValue());
        }
        return root.toString();
    }

    /** The {@code X-SalesPulse-Signature} header of a webhook call. */
    public static String signature(String secret, long unixSeconds, String body) {
        byte[] digest = io.salespulse.kit.security.Signatures.hmacSha256(
                secret, io.salespulse.kit.security.Signatures.utf8(unixSeconds + "." + body));
        return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(digest);
    }

    private static String slackEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The weekly digest for Slack: a header, one section per part (split to stay under Slack's 3000 characters). */
    public static String slack(WeeklyReport report) {
        ObjectNode root = EventCodec.mapper().createObjectNode();
        root.put("text", report.title());
        ArrayNode blocks = root.putArray("blocks");
        blocks.addObject()
                .put("type", "header")
                .putObject("text")
                .put("type", "plain_text")
                .put("text", report.title());
        for (WeeklyReport.Section section : report.sections()) {
            StringBuilder text = new StringBuilder("*")
                    .append(slackEscape(section.heading()))
                    .append('*');
            for (String line : section.lines()) {
                String item = "\n• " + slackEscape(line);
                if (text.length() + item.length() > 2900) {
                    blocks.addObject()
                            .put("type", "section")
                            .putObject("text")
                            .put("type", "mrkdwn")
                            .put("text", text.toString());
                    text = new StringBuilder();
                }
                text.append(item);
            }
            blocks.addObject()
                    .put("type", "section")
                    .putObject("text")
                    .put("type", "mrkdwn")
                    .put("text", text.toString());
        }
        ObjectNode button = blocks.addObject()
                .put("type", "actions")
                .putArray("elements")
                .addObject()
                .put("type", "button")
                .put("url", report.link());
        button.putObject("text").put("type", "plain_text").put("text", report.linkLabel());
        return root.toString();
    }

    /** The weekly digest for Teams: an Adaptive Card with a heading and a list per part. */
    public static String teams(WeeklyReport report) {
        ObjectNode root = EventCodec.mapper().createObjectNode().put("type", "message");
        ObjectNode card = adaptiveCard(root);
        ArrayNode body = card.putArray("body");
        heading(body, report.title());
        for (WeeklyReport.Section section : report.sections()) {
            body.addObject()
                    .put("type", "TextBlock")
                    .put("text", section.heading())
                    .put("weight", "Bolder")
                    .put("wrap", true);
            body.addObject()
                    .put("type", "TextBlock")
                    .put("text", "- " + String.join("\r- ", section.lines()))
                    .put("wrap", true);
        }
        card.putArray("actions")
                .addObject()
                .put("type", "Action.OpenUrl")
                .put("title", report.linkLabel())
                .put("url", report.link());
        return root.toString();
    }

    /** The weekly digest for a generic webhook. */
    public static String webhook(WeeklyReport report) {
        ObjectNode root = EventCodec.mapper()
                .createObjectNode()
                .put("weekly", report.title())
                .put("link", report.link());
        ArrayNode sections = root.putArray("sections");
        for (WeeklyReport.Section section : report.sections()) {
            ArrayNode lines =
                    sections.addObject().put("heading", section.heading()).putArray("lines");
            section.lines().forEach(lines::add);
        }
        return root.toString();
    }

    /** A Teams message's one Adaptive Card (1.4), attached to {@code root}: its content, to fill. */
    public static ObjectNode adaptiveCard(ObjectNode root) {
        return root.putArray("attachments")
                .addObject()
                .put("contentType", "application/vnd.microsoft.card.adaptive")
                .putObject("content")
                .put("type", "AdaptiveCard")
                .put("version", "1.4");
    }

    /** A card's title: bold, medium, wrapped. */
    public static void heading(ArrayNode body, String title) {
        body.addObject()
                .put("type", "TextBlock")
                .put("text", title)
                .put("weight", "Bolder")
                .put("size", "Medium")
                .put("wrap", true);
    }
}
