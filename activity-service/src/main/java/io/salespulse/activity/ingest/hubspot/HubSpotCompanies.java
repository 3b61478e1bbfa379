package io.salespulse.activity.ingest.hubspot;

import io.salespulse.activity.accounts.ContractFacts;
import io.salespulse.activity.accounts.ContractUpdate;
import io.salespulse.activity.ingest.AccountFields;
import io.salespulse.activity.ingest.CrmProperties;
import io.salespulse.activity.ingest.CrmValues;
import io.salespulse.activity.outbox.AggregateLog;
import io.salespulse.contracts.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A HubSpot company that is a customer, assembled from its property notifications (HubSpot tells one property per
 * notification): its name, its owner (the CSM), and the configured properties of its contract (ARR, term start and
 * end, status). Once its ARR and term end are known it is a contract like any CRM's, and each change is told through
 * {@link ContractFacts}. A property older than the one held is stale. Pure.
 */
final class HubSpotCompanies {

    static final String NAME = "name";
    static final String OWNER = "hubspot_owner_id";

    private HubSpotCompanies() {}

    /**
     * A company as last known.
     *
     * @param companyId  the HubSpot company id
     * @param values     the properties that matter, by name (the owner as its SalesPulse rep id)
     * @param times      when each last changed
     * @param contract   the contract it makes, once it makes one
     */
    record Company(String companyId, Map<String, String> values, Map<String, Instant> times, ContractUpdate contract) {

        Company {
            values = values == null ? Map.of() : Map.copyOf(values);
            times = times == null ? Map.of() : Map.copyOf(times);
        }
    }

    /**
     * One property notification of a company.
     *
     * @param property the property (null for its creation)
     * @param value    its value (the owner: already the SalesPulse rep, or null)
     * @param at       when HubSpot changed it
     */
    record Change(String property, String value, Instant at) {}

    /** Whether a property is one a company's contract reads. */
    static boolean matters(String property, CrmProperties.Contracts contracts) {
        return property != null
                && (NAME.equals(property)
                        || OWNER.equals(property)
                        || property.equals(contracts.arrField())
                        || property.equals(contracts.termStartField())
                        || property.equals(contracts.termEndField())
                        || property.equals(contracts.statusField()));
    }

    /**
     * A company's changes of one moment, applied together: each property not older than the one held is taken, then
     * the contract they make (if they make one) is compared with the last one told.
     */
    static AggregateLog.Step<Company> apply(
            Company previous,
            String companyId,
            List<Change> changes,
            CrmProperties.Contracts contracts,
            String currency) {
        Company company = previous != null ? previous : new Company(companyId, Map.of(), Map.of(), null);
        Map<String, String> values = new HashMap<>(company.values());
        Map<String, Instant> times = new HashMap<>(company.times());
        Instant at = null;
        for (Change change : changes) {
            Instant last = times.get(change.property());
            if (change.property() == null
                    || !matters(change.property(), contracts)
                    || last != null && change.at().isBefore(last)) {
                continue;
            }
            if (change.value() == null || change.value().isBlank()) {
                values.remove(change.property());
            } else {
                values.put(change.property(), change.value());
            }
            times.put(change.property(), change.at());
            at = at == null || change.at().isAfter(at) ? change.at() : at;
        }
        if (at == null) {
            return new AggregateLog.Step<>(company, List.of());
        }
        BigDecimal arr = CrmValues.decimal(values.get(contracts.arrField()));
        LocalDate end = CrmValues.date(values.get(contracts.termEndField()));
        if (arr == null || end == null) {
            return new AggregateLog.Step<>(new Company(companyId, values, times, company.contract()), List.of());
        }
        LocalDate start =
                contracts.termStartField() == null ? null : CrmValues.date(values.get(contracts.termStartField()));
        if (start == null || !end.isAfter(start)) {
            start = AccountFields.yearEndingOn(end);
        }
        String id = "hubspot-company-" + companyId;
        ContractUpdate update = new ContractUpdate(
                id,
                id,
                values.get(NAME),
                values.get(OWNER),
                new Money(arr, currency),
                start,
                end,
                contracts.statusField() != null && contracts.churned(values.get(contracts.statusField())),
                company.contract() == null ? null : company.contract().renewalDealId(),
                at);
        ContractFacts.Result result = ContractFacts.apply(company.contract(), update);
        return new AggregateLog.Step<>(new Company(companyId, values, times, result.state()), result.facts());
    }
}
