package io.salespulse.contracts;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The CRMs SalesPulse takes webhooks from, the one list every module reads. What each names: its key in a rep's
 * {@code externalIds} and in configuration ({@code salespulse.crm.deal-links.<key>}), the prefix of the SalesPulse id of
 * its deals ({@code hubspot-<its id>}), and the CloudEvents source of what its webhooks bring
 * ({@code /crm/<key>/<account>}). Anything else speaks CloudEvents under its own source.
 */
public enum Crm {
    HUBSPOT("hubspot"),
    PIPEDRIVE("pipedrive"),
    TWENTY("twenty"),
    SALESFORCE("salesforce");

    private final String key;

    Crm(String key) {
        this.key = key;
    }

    /** Its name in rep ids, configuration and deal ids: {@code hubspot}. */
    public String key() {
        return key;
    }

    /** The prefix of its deals' SalesPulse ids: {@code hubspot-}. */
    public String dealNamespace() {
        return key + "-";
    }

    /** The CloudEvents source its webhooks' events carry, before the account: {@code /crm/hubspot}. */
    public String webhookSource() {
        return "/crm/" + key;
    }

    /** Every CRM's key, in this order. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(Crm::key).toList();
    }

    /** The CRM a SalesPulse deal id belongs to (none: a CloudEvents source's deal). */
    public static Optional<Crm> ofDeal(String dealId) {
        return dealId == null
                ? Optional.empty()
                : Arrays.stream(values())
                        .filter(crm -> dealId.startsWith(crm.dealNamespace()))
                        .findFirst();
    }
}
