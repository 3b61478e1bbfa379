package io.salespulse.activity.ingest.salesforce;

import io.salespulse.activity.deals.DealUpdate;
import io.salespulse.activity.ingest.AccountFields;
import io.salespulse.activity.ingest.CrmProperties;
import io.salespulse.activity.ingest.CrmValues;
import io.salespulse.activity.ingest.FieldReader;
import io.salespulse.activity.ingest.Inbound;
import io.salespulse.activity.ingest.Intake;
import io.salespulse.activity.ingest.TimeWindow;
import io.salespulse.activity.outbox.AcceptedEventLog;
import io.salespulse.contracts.Crm;
import io.salespulse.contracts.EventCodec;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Money;
import io.salespulse.contracts.SalesPulseEvent;
import io.salespulse.contracts.activity.CallLogged;
import io.salespulse.contracts.activity.CallOutcome;
import io.salespulse.contracts.activity.EmailSent;
import io.salespulse.contracts.activity.MeetingBooked;
import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.deal.ForecastCategory;
import io.salespulse.kit.web.FieldProblem;
import io.salespulse.kit.web.InvalidRequestException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BinaryOperator;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a Salesforce Outbound Message (SOAP 1.1 {@code notifications}, up to 100 {@code Notification}s) into inbound
 * events. The sending organisation must be one this SalesPulse serves, or the whole message is refused. Each
 * notification is judged on its own: an Opportunity is the deal as it now is (its {@code StageName} through
 * {@code salespulse.crm.salesforce.stages}, Salesforce's default stages shipped; its {@code ForecastCategoryName}); a
 * Task is a logged call ({@code TaskSubtype} {@code Call}: {@code CallDisposition} through
 * {@code call-dispositions}, else connected when {@code CallDurationInSeconds} is above zero) or a sent email
 * ({@code Email}); an Event is a booked meeting. The notification id is the event id (Salesforce resends the same id
 * until it is acknowledged: a duplicate then). Owners map through the roster's {@code externalIds.salesforce}.
 * The XML parser refuses DTDs and external entities.
 */
final class SalesforceMapper {

    static final String CRM = Crm.SALESFORCE.key();
    static final String OUTBOUND_NS = "http://soap.sforce.com/2005/09/outbound";
    private static final String XSI_NS = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
    static final int MAX_NOTIFICATIONS = 100;

    private SalesforceMapper() {}

    /** The message's organisation and its notifications, mapped one by one. */
    record Message(String organizationId, Intake intake) {}

    /** The organisation a message says it comes from (null when it names none), read before anything is taken from it. */
    static String organizationOf(byte[] body) {
        String organization = child(notifications(parse(body)), "OrganizationId");
        return organization == null ? null : organization.trim();
    }

    static Message map(byte[] body, CrmProperties.Salesforce config, BinaryOperator<String> repOf, TimeWindow window) {
        Element notifications = notifications(parse(body));
        List<FieldProblem> problems = new ArrayList<>();
        String organization = child(notifications, "OrganizationId");
        if (organization == null || organization.isBlank()) {
            throw new InvalidRequestException("OrganizationId", "is required");
        }
        if (!config.organizationIds().contains(organization.trim())) {
            throw new InvalidRequestException(
                    "OrganizationId",
                    "is not an organisation this SalesPulse serves (salespulse.crm.salesforce.organizations)");
        }
        String source = "/crm/salesforce/" + organization.trim();
        List<Element> items = children(notifications, "Notification");
        if (items.isEmpty()) {
            throw new InvalidRequestException("Notification", "is required: at least one");
        }
        if (items.size() > MAX_NOTIFICATIONS) {
            throw new InvalidRequestException("Notification", "must be at most " + MAX_NOTIFICATIONS + " per message");
        }
        List<Inbound> inbound = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < items.size(); i++) {
            List<FieldProblem> itemProblems = new ArrayList<>();
            Inbound mapped =
                    notification(items.get(i), "Notification[" + i + "]", source, config, repOf, window, itemProblems);
            if (itemProblems.isEmpty() && mapped != null) {
                inbound.add(mapped);
            } else {
                refused++;
                problems.addAll(itemProblems);
            }
        }
        return new Message(organization.trim(), new Intake(inbound, refused, problems));
    }

    private static Inbound notification(
            Element item,
            String path,
            String source,
            CrmProperties.Salesforce config,
            BinaryOperator<String> repOf,
            TimeWindow window,
            List<FieldProblem> problems) {
        String id = child(item, "Id");
        Element sObject = first(item, "sObject");
        FieldReader notification = new FieldReader(fieldsOf(item), path, problems);
        notification.text("Id", true);
        if (sObject == null) {
            notification.problem("sObject", "is required");
            return null;
        }
        String type = typeOf(sObject);
        FieldReader fields = new FieldReader(fieldsOf(sObject), path + ".sObject", problems);
        return switch (type) {
            case "Opportunity" ->
                renewal(fields, source, id, config, window)
                        .orElseGet(
                                () -> new Inbound.DealChange(source, id, opportunity(fields, config, repOf, window)));
            case "Contract" -> contract(fields, path + ".sObject", problems, source, id, config, repOf, window);
            case "Task", "Event" -> {
                List<SalesPulseEvent> events =
                        "Task".equals(type) ? task(fields, config, repOf, window) : event(fields, repOf, window);
                String key = AcceptedEventLog.keyOf(source, id);
                List<EventEnvelope> envelopes = new ArrayList<>();
                for (int n = 0; n < events.size(); n++) {
                    envelopes.add(EventEnvelope.of(n == 0 ? key : key + "." + n, source, events.get(n)));
                }
                yield new Inbound.Ready(new AcceptedEventLog.Entry(source, id, CRM, envelopes));
            }
            default -> {
                fields.problem(
                        "type",
                        "must be Opportunity, Task, Event or Contract (an outbound message on another object is not"
                                + " read)");
                yield null;
            }
        };
    }

    /**
     * A Contract as it now is: its ARR (the configured field, in {@code CurrencyIsoCode} or the default currency), its
     * term ({@code StartDate}, {@code EndDate}), its status (a churned one, or a draft not activated yet: not a
     * customer's contract until it is), its owner as the CSM; its account is {@code AccountId}. Read as every CRM's
     * contracts are ({@link AccountFields}).
     */
    static Inbound contract(
            FieldReader f,
            String path,
            List<FieldProblem> problems,
            String source,
            String eventId,
            CrmProperties.Salesforce config,
            BinaryOperator<String> repOf,
            TimeWindow window) {
        CrmProperties.Contracts contracts = config.contracts();
        int before = problems.size();
        String id = f.text("Id", true);
        String account = f.text("AccountId", true);
        String status = f.text(contracts.statusField(), false);
        Instant modified = f.within("LastModifiedDate", f.instant("LastModifiedDate", true), window);
        tools.jackson.databind.node.ObjectNode snapshot = EventCodec.mapper().createObjectNode();
        snapshot.put("contractId", "salesforce-" + id);
        snapshot.put("accountId", "salesforce-" + account);
        String arr = f.text(contracts.arrField(), false);
        LocalDate start = f.date(contracts.termStartField(), false);
        LocalDate end = f.date(contracts.termEndField(), false);
        if (problems.size() > before) {
            return null;
        }
        if (arr == null || end == null || "Draft".equalsIgnoreCase(status)) {
            // Not a customer's running contract yet: nothing to tell.
            return new Inbound.Ready(new AcceptedEventLog.Entry(source, eventId, CRM, List.of()));
        }
        String currency = f.text("CurrencyIsoCode", false);
        snapshot.put("currency", currency == null ? config.defaultCurrency() : currency);
        snapshot.put("termEnd", end.toString());
        snapshot.put("termStart", (start != null ? start : AccountFields.yearEndingOn(end)).toString());
        if (contracts.churned(status)) {
            snapshot.put("status", "CHURNED");
        }
        // The ARR as a number: Outbound Messages send every field as text.
        BigDecimal amount = CrmValues.decimal(arr);
        if (amount == null) {
            f.problem(contracts.arrField(), "must be a number");
        } else {
            snapshot.put("arr", amount);
        }
        FieldReader values = new FieldReader(snapshot, path, problems);
        io.salespulse.activity.accounts.ContractUpdate update =
                AccountFields.contract(values, repOf.apply(CRM, f.text("OwnerId", false)), modified);
        return problems.size() == before && modified != null
                ? AccountFields.contractInbound(source, eventId, update)
                : null;
    }

    /**
     * An Opportunity of the renewal {@code Type} naming a {@code ContractId}: that contract's renewal, not a sale
     * (empty for any other opportunity; a renewal without its {@code Id} or time is no inbound event: its problems are
     * added).
     */
    static java.util.Optional<Inbound> renewal(
            FieldReader f, String source, String eventId, CrmProperties.Salesforce config, TimeWindow window) {
        String kind = f.text("Type", false);
        String contract = f.text("ContractId", false);
        if (kind == null || !kind.equals(config.contracts().renewalPipeline()) || contract == null) {
            return java.util.Optional.empty();
        }
        Instant modified = f.within("LastModifiedDate", f.instant("LastModifiedDate", true), window);
        String opportunity = f.text("Id", true);
        return java.util.Optional.ofNullable(
                modified == null || opportunity == null
                        ? null
                        : AccountFields.renewalInbound(
                                source, eventId, "salesforce-" + contract, "salesforce-" + opportunity, modified));
    }

    static DealUpdate opportunity(
            FieldReader f, CrmProperties.Salesforce config, BinaryOperator<String> repOf, TimeWindow window) {
        String id = f.text("Id", true);
        String owner = f.text("OwnerId", false);
        String stageName = f.text("StageName", false);
        DealStage stage = stageName == null ? null : config.stages().get(stageName);
        if (stageName != null && stage == null) {
            f.problem("StageName", "is not a stage SalesPulse maps (salespulse.crm.salesforce.stages)");
        }
        BigDecimal amount = f.nonNegativeDecimal("Amount", false);
        String currency = f.currency("CurrencyIsoCode", false);
        LocalDate close = f.planned("CloseDate", f.date("CloseDate", false), window);
        Instant created = f.within("CreatedDate", f.instant("CreatedDate", false), window);
        Instant modified = f.within("LastModifiedDate", f.instant("LastModifiedDate", true), window);
        String name = f.text("Name", false);
        String lostReason = config.lostReasonField() == null ? null : f.freeText(config.lostReasonField(), false);
        String category = f.text("ForecastCategoryName", false);
        ForecastCategory forecast = category == null ? null : forecastCategory(category);
        if (category != null && forecast == null) {
            f.problem("ForecastCategoryName", "must be Pipeline, Best Case, Commit, Closed or Omitted");
        }
        Money money = amount == null ? null : new Money(amount, currency == null ? config.defaultCurrency() : currency);
        DealUpdate update = DealUpdate.snapshot(
                "salesforce-" + id,
                repOf.apply(CRM, owner),
                owner,
                name,
                stage,
                money,
                close,
                lostReason,
                created,
                modified);
        return category == null ? update : update.withForecastCategory(forecast);
    }

    /** Salesforce's standard forecast categories (ForecastCategoryName); null for another. */
    static ForecastCategory forecastCategory(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "pipeline" -> ForecastCategory.PIPELINE;
            case "best case" -> ForecastCategory.BEST_CASE;
            case "commit" -> ForecastCategory.COMMIT;
            case "closed" -> ForecastCategory.CLOSED;
            case "omitted" -> ForecastCategory.OMITTED;
            default -> null;
        };
    }

    static List<SalesPulseEvent> task(
            FieldReader f, CrmProperties.Salesforce config, BinaryOperator<String> repOf, TimeWindow window) {
        String id = f.text("Id", true);
        String subtype = f.text("TaskSubtype", true);
        String owner = f.text("OwnerId", true);
        Instant at = f.within("CreatedDate", f.instant("CreatedDate", true), window);
        String deal = dealOf(f.text("WhatId", false));
        String rep = owner == null ? null : repOf.apply(CRM, owner);
        if (subtype == null || at == null) {
            return List.of();
        }
        return switch (subtype) {
            case "Call" -> {
                Integer seconds = seconds(f);
                String disposition = f.text("CallDisposition", false);
                CallOutcome outcome =
                        disposition != null && config.callDispositions().containsKey(disposition)
                                ? config.callDispositions().get(disposition)
                                : seconds != null && seconds > 0 ? CallOutcome.CONNECTED : CallOutcome.NO_ANSWER;
                yield List.of(new CallLogged(
                        rep, "salesforce-" + id, outcome, outcome == CallOutcome.CONNECTED ? seconds : null, deal, at));
            }
            case "Email", "ListEmail" -> List.of(new EmailSent(rep, deal, at));
            default -> List.of(); // a plain task is no call, email or meeting: acknowledged, nothing to count
        };
    }

    /** {@code CallDurationInSeconds}: a whole number of seconds, 0 to a day (SOAP sends it as text). */
    private static Integer seconds(FieldReader f) {
        String text = f.text("CallDurationInSeconds", false);
        if (text == null) {
            return null;
        }
        try {
            int seconds = Integer.parseInt(text.trim());
            if (seconds >= 0 && seconds <= FieldReader.MAX_CALL_SECONDS) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        f.problem("CallDurationInSeconds", "must be a whole number from 0 to " + FieldReader.MAX_CALL_SECONDS);
        return null;
    }

    static List<SalesPulseEvent> event(FieldReader f, BinaryOperator<String> repOf, TimeWindow window) {
        String id = f.text("Id", true);
        String owner = f.text("OwnerId", true);
        Instant start = f.planned("StartDateTime", f.instant("StartDateTime", true), window);
        Instant at = f.within("CreatedDate", f.instant("CreatedDate", true), window);
        String deal = dealOf(f.text("WhatId", false));
        if (owner == null || start == null || at == null) {
            return List.of();
        }
        return List.of(new MeetingBooked(repOf.apply(CRM, owner), "salesforce-" + id, start, deal, at));
    }

    /** An activity's WhatId is a deal when it is an Opportunity's (key prefix 006). */
    static String dealOf(String whatId) {
        return whatId != null && whatId.startsWith("006") ? "salesforce-" + whatId : null;
    }

    // The XML.

    private static Document parse(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(body));
        } catch (SAXException | IOException e) {
            throw new InvalidRequestException("body", "is not a well-formed XML document without a DTD");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Element notifications(Document document) {
        var found = document.getElementsByTagNameNS(OUTBOUND_NS, "notifications");
        if (found.getLength() != 1) {
            throw new InvalidRequestException(
                    "body", "must be a SOAP envelope holding one Salesforce outbound notifications element");
        }
        return (Element) found.item(0);
    }

    /** The element's child elements as JSON text fields, by local name ({@code xsi:nil} ones as null). */
    private static ObjectNode fieldsOf(Element element) {
        ObjectNode fields = EventCodec.mapper().createObjectNode();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && first(child) == null) {
                if ("true".equals(child.getAttributeNS(XSI_NS, "nil"))) {
                    fields.putNull(child.getLocalName());
                } else {
                    fields.put(child.getLocalName(), child.getTextContent());
                }
            }
        }
        return fields;
    }

    private static String typeOf(Element sObject) {
        String type = sObject.getAttributeNS(XSI_NS, "type");
        return type.contains(":") ? type.substring(type.indexOf(':') + 1) : type;
    }

    private static String child(Element parent, String localName) {
        Element found = first(parent, localName);
        return found == null ? null : found.getTextContent();
    }

    private static Element first(Element parent, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && localName.equals(child.getLocalName())) {
                return child;
            }
        }
        return null;
    }

    private static Element first(Element parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                return child;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && localName.equals(child.getLocalName())) {
                found.add(child);
            }
        }
        return found;
    }
}
