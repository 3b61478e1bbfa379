package io.salespulse.activity.ingest.salesforce;

import io.salespulse.activity.accounts.ContractFacts;
import io.salespulse.activity.accounts.ContractUpdate;
import io.salespulse.activity.deals.DealField;
import io.salespulse.activity.deals.DealUpdate;
import io.salespulse.activity.ingest.AccountFields;
import io.salespulse.activity.ingest.CrmProperties;
import io.salespulse.activity.ingest.FieldReader;
import io.salespulse.activity.ingest.Inbound;
import io.salespulse.activity.ingest.TimeWindow;
import io.salespulse.activity.outbox.AcceptedEventLog;
import io.salespulse.contracts.EventCodec;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Money;
import io.salespulse.contracts.SalesPulseEvent;
import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.deal.ForecastCategory;
import io.salespulse.kit.web.FieldProblem;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BinaryOperator;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Change Data Capture events, as the Pub/Sub API delivers them (Avro, the schema by its id): decoded, then mapped like
 * the Outbound Messages' records ({@link SalesforceMapper}). A CREATE is the record whole; an Opportunity UPDATE holds
 * only what changed (its other fields are null): a partial deal update of those fields. Task and Event updates and
 * deletes count nothing (a call is logged, a meeting booked, when created). A Contract is a customer's contract: whole
 * on a CREATE, its changed fields over the contract as last told on an UPDATE. A gap event carries no values: the
 * connector reads the record as it now is through the REST API and maps it as a CREATE.
 */
final class CdcEvents {

    /**
     * One decoded change.
     *
     * @param entity     {@code Opportunity}, {@code Task}, {@code Event}
     * @param recordIds  the records it changed
     * @param changeType CREATE, UPDATE, DELETE, UNDELETE, GAP_CREATE, GAP_UPDATE, GAP_DELETE, GAP_UNDELETE, GAP_OVERFLOW
     * @param commitTime when it was committed
     * @param fields     its non-null fields, as text (times RFC 3339, days ISO)
     */
    record Change(String entity, List<String> recordIds, String changeType, Instant commitTime, ObjectNode fields) {

        boolean gap() {
            return changeType.startsWith("GAP_");
        }
    }

    private CdcEvents() {}

    static Change decode(Schema schema, byte[] payload) throws IOException {
        GenericRecord record = new GenericDatumReader<GenericRecord>(schema)
                .read(null, DecoderFactory.get().binaryDecoder(payload, null));
        GenericRecord header = (GenericRecord) record.get("ChangeEventHeader");
        List<String> ids = new ArrayList<>();
        Object recordIds = header.get("recordIds");
        if (recordIds instanceof Iterable<?> iterable) {
            iterable.forEach(id -> ids.add(String.valueOf(id)));
        }
        ObjectNode fields = EventCodec.mapper().createObjectNode();
        for (Schema.Field field : schema.getFields()) {
            Object value = record.get(field.name());
            if (value == null || "ChangeEventHeader".equals(field.name())) {
                continue;
            }
            fields.put(field.name(), text(field.name(), value));
        }
        return new Change(
                String.valueOf(header.get("entityName")),
                ids,
                String.valueOf(header.get("changeType")),
                Instant.ofEpochMilli(((Number) header.get("commitTimestamp")).longValue()),
                fields);
    }

    /** A field's value as the mappers read it: Salesforce's date-times are epoch milliseconds, its dates epoch days. */
    private static String text(String name, Object value) {
        if (value instanceof Long millis && (name.endsWith("Date") || name.endsWith("DateTime"))) {
            return Instant.ofEpochMilli(millis).toString();
        }
        if (value instanceof Integer days && name.endsWith("Date")) {
            return LocalDate.ofEpochDay(days).toString();
        }
        return String.valueOf(value);
    }

    /** The inbound events of a change (of a gap, once its records were read), each keyed by the event id and record. */
    static List<Inbound> map(
            Change change,
            String eventId,
            String source,
            CrmProperties.Salesforce config,
            BinaryOperator<String> repOf,
            TimeWindow window,
            List<FieldProblem> problems) {
        List<Inbound> inbound = new ArrayList<>();
        boolean create =
                change.changeType().endsWith("CREATE") || change.changeType().endsWith("UNDELETE") || change.gap();
        for (String recordId : change.recordIds()) {
            ObjectNode fields = change.fields().deepCopy().put("Id", recordId);
            if (!fields.has("LastModifiedDate")) {
                fields.put("LastModifiedDate", change.commitTime().toString());
            }
            String id = change.recordIds().size() == 1 ? eventId : eventId + ":" + recordId;
            FieldReader f = new FieldReader(fields, change.entity() + "[" + recordId + "]", problems);
            switch (change.entity()) {
                case "Opportunity" -> {
                    java.util.Optional<Inbound> renewal = create
                            ? SalesforceMapper.renewal(f, source, id, config, window)
                            : java.util.Optional.empty();
                    if (renewal.isPresent()) {
                        inbound.add(renewal.get());
                    } else if (create) {
                        inbound.add(new Inbound.DealChange(
                                source, id, SalesforceMapper.opportunity(f, config, repOf, window)));
                    } else if ("UPDATE".equals(change.changeType())) {
                        inbound.add(new Inbound.DealChange(
                                source, id, opportunityUpdate(f, fields, config, repOf, window)));
                    }
                }
                case "Task", "Event" -> {
                    if (create) {
                        List<SalesPulseEvent> events = "Task".equals(change.entity())
                                ? SalesforceMapper.task(f, config, repOf, window)
                                : SalesforceMapper.event(f, repOf, window);
                        String key = AcceptedEventLog.keyOf(source, id);
                        List<EventEnvelope> envelopes = new ArrayList<>();
                        for (int n = 0; n < events.size(); n++) {
                            envelopes.add(EventEnvelope.of(n == 0 ? key : key + "." + n, source, events.get(n)));
                        }
                        inbound.add(new Inbound.Ready(
                                new AcceptedEventLog.Entry(source, id, SalesforceMapper.CRM, envelopes)));
                    }
                }
                case "Contract" -> {
                    if (create) {
                        Inbound contract = SalesforceMapper.contract(
                                f, change.entity() + "[" + recordId + "]", problems, source, id, config, repOf, window);
                        if (contract != null) {
                            inbound.add(contract);
                        }
                    } else if ("UPDATE".equals(change.changeType())) {
                        contractUpdate(f, fields, source, id, config, repOf, window)
                                .ifPresent(inbound::add);
                    }
                }
                default -> {
                    // another object's changes are not SalesPulse's
                }
            }
        }
        return inbound;
    }

    /**
     * A contract's changed fields only, over the contract as last told (a contract not told yet is left to its next
     * whole record): the same facts as a whole record would give ({@link ContractFacts}).
     */
    static java.util.Optional<Inbound> contractUpdate(
            FieldReader f,
            ObjectNode fields,
            String source,
            String eventId,
            CrmProperties.Salesforce config,
            BinaryOperator<String> repOf,
            TimeWindow window) {
        CrmProperties.Contracts contracts = config.contracts();
        String id = f.text("Id", true);
        Instant at = f.within("LastModifiedDate", f.instant("LastModifiedDate", true), window);
        BigDecimal arr = fields.has(contracts.arrField()) ? f.nonNegativeDecimal(contracts.arrField(), false) : null;
        String currency = f.currency("CurrencyIsoCode", false);
        LocalDate start = f.date(contracts.termStartField(), false);
        LocalDate end = f.date(contracts.termEndField(), false);
        String status = f.text(contracts.statusField(), false);
        String owner = f.text("OwnerId", false);
        String csm = owner == null ? null : repOf.apply(SalesforceMapper.CRM, owner);
        if (id == null || at == null) {
            return java.util.Optional.empty();
        }
        String contractId = "salesforce-" + id;
        return java.util.Optional.of(AccountFields.contractStep(source, eventId, contractId, previous -> {
            if (previous == null) {
                return new ContractFacts.Result(null, List.of());
            }
            ContractUpdate merged = new ContractUpdate(
                    previous.contractId(),
                    previous.accountId(),
                    previous.accountName(),
                    owner != null ? csm : previous.csmRepId(),
                    arr != null
                            ? new Money(
                                    arr,
                                    currency != null ? currency : previous.arr().currency())
                            : previous.arr(),
                    start != null ? start : previous.termStart(),
                    end != null ? end : previous.termEnd(),
                    status != null ? contracts.churned(status) : previous.churned(),
                    previous.renewalDealId(),
                    at);
            return ContractFacts.apply(previous, merged);
        }));
    }

    /** An opportunity's changed fields only: each one taken, the others left as the deal holds them. */
    private static DealUpdate opportunityUpdate(
            FieldReader f,
            ObjectNode fields,
            CrmProperties.Salesforce config,
            BinaryOperator<String> repOf,
            TimeWindow window) {
        String id = f.text("Id", true);
        Instant at = f.within("LastModifiedDate", f.instant("LastModifiedDate", true), window);
        Set<DealField> present = EnumSet.noneOf(DealField.class);
        String owner = f.text("OwnerId", false);
        if (owner != null) {
            present.add(DealField.OWNER);
        }
        String name = f.text("Name", false);
        if (name != null) {
            present.add(DealField.NAME);
        }
        DealStage stage = null;
        if (fields.has("StageName")) {
            stage = config.stages().get(f.text("StageName", false));
            if (stage == null) {
                f.problem("StageName", "is not a stage SalesPulse maps (salespulse.crm.salesforce.stages)");
            }
            present.add(DealField.STAGE);
        }
        Money amount = null;
        if (fields.has("Amount")) {
            BigDecimal value = f.nonNegativeDecimal("Amount", false);
            String currency = f.currency("CurrencyIsoCode", false);
            amount = value == null ? null : new Money(value, currency == null ? config.defaultCurrency() : currency);
            present.add(DealField.AMOUNT);
        }
        LocalDate close = fields.has("CloseDate") ? f.planned("CloseDate", f.date("CloseDate", false), window) : null;
        if (close != null) {
            present.add(DealField.CLOSE_DATE);
        }
        DealUpdate update = DealUpdate.partial(
                "salesforce-" + id,
                present,
                owner == null ? null : repOf.apply(SalesforceMapper.CRM, owner),
                owner,
                name,
                stage,
                amount,
                close,
                null,
                at);
        if (fields.has("ForecastCategoryName")) {
            ForecastCategory category = SalesforceMapper.forecastCategory(f.text("ForecastCategoryName", false));
            update = update.withForecastCategory(category);
        }
        return update;
    }
}
