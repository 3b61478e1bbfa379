package io.salespulse.activity.ingest;

import io.salespulse.contracts.Crm;
import io.salespulse.kit.web.FieldProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * What each ingest credential may write ({@code salespulse.ingest.scopes.<credential>}): the CloudEvents sources it
 * speaks for (by default {@code /<credential>} and below), and optionally the event types and deal namespaces it may
 * post, and the CRMs' deals it may write (none by default). Sources are bound to one credential each: two credentials' sources may not overlap, and none may reach into
 * the CRM webhooks' own ({@code /crm/hubspot}, {@code /crm/pipedrive}, {@code /crm/twenty}, {@code /crm/salesforce});
 * the service refuses to start otherwise. An event's dedupe key is its source and id, so, sources being bound, it names the authenticated
 * source: no credential can post under another's source or pre-empt its events' keys.
 */
@Component
public class IngestScopes {

    /**
     * The deal ids of the CRMs SalesPulse takes webhooks from: such a deal changes through its CRM, so a CloudEvents
     * credential may not write it (won, any amount) unless its {@code deal-namespaces} name that namespace.
     */
    public static final List<String> CRM_DEAL_NAMESPACES =
            Arrays.stream(Crm.values()).map(Crm::dealNamespace).toList();

    /** The CRM webhooks' sources: {@code /crm/<crm>/<account>}. */
    static final String DEAL_UPDATED = "salespulse.deal.updated.v1";

    public static final List<String> WEBHOOK_SOURCES =
            Arrays.stream(Crm.values()).map(Crm::webhookSource).toList();

    private final Map<String, IngestProperties.Scope> configured;

    @Autowired
    IngestScopes(IngestProperties properties) {
        this(properties.scopes(), properties.apiKeys().keySet());
    }

    IngestScopes(Map<String, IngestProperties.Scope> configured, java.util.Collection<String> keyNames) {
        this.configured = Map.copyOf(configured);
        Map<String, String> owners = new LinkedHashMap<>();
        WEBHOOK_SOURCES.forEach(source -> owners.put(source, "the CRM webhooks"));
        List<String> credentials = new ArrayList<>(new java.util.TreeSet<>(keyNames));
        configured.keySet().stream()
                .filter(name -> !credentials.contains(name))
                .sorted()
                .forEach(credentials::add);
        for (String credential : credentials) {
            for (String source : sources(credential)) {
                for (Map.Entry<String, String> owned : owners.entrySet()) {
                    if (matches(owned.getKey(), source) || matches(source, owned.getKey())) {
                        throw new IllegalStateException("salespulse.ingest.scopes." + credential + ".sources: " + source
                                + " overlaps " + owned.getKey() + " of " + owned.getValue()
                                + "; each source belongs to one credential");
                    }
                }
            }
            sources(credential).forEach(source -> owners.put(source, "credential " + credential));
        }
    }

    /** The sources a credential speaks for. */
    public List<String> sources(String credential) {
        IngestProperties.Scope scope = configured.get(credential);
        return scope == null || scope.sources().isEmpty() ? List.of("/" + credential) : scope.sources();
    }

    /**
     * Adds a problem for what of one CloudEvent its credential may not write: its source, its type, its deal.
     *
     * @param path   the event's place in the request ({@code ""} or {@code [3]})
     * @param dealId the {@code dealId} its data names, or {@code null}
     */
    public void check(
            String credential, String path, String source, String type, String dealId, List<FieldProblem> problems) {
        String prefix = path.isEmpty() ? "" : path + ".";
        if (source != null && sources(credential).stream().noneMatch(own -> matches(own, source))) {
            problems.add(new FieldProblem(
                    prefix + "source",
                    "is not a source of this credential (" + String.join(", ", sources(credential)) + ")"));
        }
        IngestProperties.Scope scope = configured.get(credential);
        if (DEAL_UPDATED.equals(type) && dealId != null) {
            crmNotGranted(dealId, scope)
                    .ifPresent(crm -> problems.add(new FieldProblem(
                            prefix + "data.dealId",
                            "is a deal of a CRM (" + crm
                                    + "…): it changes through that CRM's webhooks, not this credential (unless its crm-deals name "
                                    + crm + ")")));
        }
        if (scope == null) {
            return;
        }
        if (type != null && !scope.eventTypes().isEmpty() && !scope.eventTypes().contains(type)) {
            problems.add(new FieldProblem(prefix + "type", "is not a type this credential may post"));
        }
        if (dealId != null
                && !scope.dealNamespaces().isEmpty()
                && scope.dealNamespaces().stream().noneMatch(dealId::startsWith)) {
            problems.add(new FieldProblem(prefix + "data.dealId", "is not in a deal namespace of this credential"));
        }
    }

    /**
     * Adds a problem when a CloudEvent would write a CRM's customer record: a contract or an account whose id is in a
     * CRM's namespace ({@code hubspot-…}) changes through that CRM, like its deals (unless the credential's
     * {@code crm-deals} name that CRM, as for a migration).
     *
     * @param ids the ids its data names, by field ({@code contractId}, {@code accountId})
     */
    public void checkCustomerRecords(
            String credential, String path, java.util.Map<String, String> ids, List<FieldProblem> problems) {
        IngestProperties.Scope scope = configured.get(credential);
        String prefix = path.isEmpty() ? "" : path + ".";
        ids.forEach((field, id) -> crmNotGranted(id, scope)
                .ifPresent(crm -> problems.add(new FieldProblem(
                        prefix + "data." + field,
                        "is a CRM's record (" + crm
                                + "…): it changes through that CRM's webhooks, not this credential"))));
    }

    /**
     * The CRM namespace ({@code hubspot-}…) an id is in, when the credential's {@code crm-deals} do not grant it: a
     * record that changes through that CRM's webhooks only.
     */
    private static java.util.Optional<String> crmNotGranted(String id, IngestProperties.Scope scope) {
        return CRM_DEAL_NAMESPACES.stream()
                .filter(id::startsWith)
                .findFirst()
                .filter(crm -> scope == null || !scope.crmDeals().contains(crm));
    }

    /** Whether a source is {@code own} itself or below it (a path boundary: {@code /ab} is not below {@code /a}). */
    static boolean matches(String own, String source) {
        String base = own.endsWith("/") ? own.substring(0, own.length() - 1) : own;
        return source.equals(base) || source.startsWith(base + "/");
    }
}
