package io.salespulse.activity.ingest.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.activity.accounts.ContractHistory;
import io.salespulse.activity.ingest.Inbound;
import io.salespulse.contracts.EventCodec;
import io.salespulse.kit.web.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Contracts through Change Data Capture: a CREATE is the contract whole, an UPDATE only its changed fields over the
 * contract as last told; the same history tells the same facts as every CRM's ({@link ContractHistory}).
 */
class CdcContractsTest {

    static CdcEvents.Change change(String type, ContractHistory.Moment m, ContractHistory.Moment before) {
        ObjectNode fields = EventCodec.mapper().createObjectNode();
        if (before == null) {
            fields.put("AccountId", "0015e00000XyZaBAAV");
            fields.put("OwnerId", "0055e000001AbCdAAK");
            fields.put("CurrencyIsoCode", "EUR");
        }
        if (before == null || !before.arr().equals(m.arr())) {
            fields.put("ARR__c", m.arr());
        }
        if (before == null || !before.termStart().equals(m.termStart())) {
            fields.put("StartDate", m.termStart());
        }
        if (before == null || !before.termEnd().equals(m.termEnd())) {
            fields.put("EndDate", m.termEnd());
        }
        if (before == null || before.churned() != m.churned()) {
            fields.put("Status", m.churned() ? "Terminated" : "Activated");
        }
        fields.put("LastModifiedDate", m.at().toString());
        return new CdcEvents.Change("Contract", List.of("8005e000000AbCdAAK"), type, m.at(), fields);
    }

    @Test
    void aContractsChangesTellTheSameFactsAsEveryCrm() {
        List<FieldProblem> problems = new ArrayList<>();
        List<Inbound> inbound = new ArrayList<>();
        ContractHistory.Moment before = null;
        int n = 0;
        for (ContractHistory.Moment m : ContractHistory.MOMENTS) {
            inbound.addAll(CdcEvents.map(
                    change(before == null ? "CREATE" : "UPDATE", m, before),
                    "cdc-" + (n++),
                    "/crm/salesforce/" + SalesforceMapperTest.ORG,
                    SalesforceMapperTest.CONFIG,
                    (crm, owner) -> "rep-" + owner,
                    SalesforceMapperTest.WINDOW,
                    problems));
            before = m;
        }
        assertThat(problems).isEmpty();
        assertThat(ContractHistory.told(inbound)).isEqualTo(ContractHistory.EXPECTED);
    }
}
