package io.salespulse.activity.ingest;

import io.salespulse.contracts.activity.CallOutcome;
import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.deal.ForecastCategory;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The CRM sources: their secrets (from the environment in production) and how their stages and call outcomes map
 * onto SalesPulse's. Defaults ship HubSpot's default sales pipeline and a Pipedrive example pipeline.
 */
@ConfigurationProperties("salespulse.crm")
public record CrmProperties(HubSpot hubspot, Pipedrive pipedrive, Twenty twenty, Salesforce salesforce) {

    public CrmProperties {
        hubspot = hubspot == null ? new HubSpot(null, null, null, null, null, null, null) : hubspot;
        pipedrive = pipedrive == null ? new Pipedrive(null, null, null, null, null, null, null, null) : pipedrive;
        twenty = twenty == null ? new Twenty(null, null, null, null) : twenty;
        salesforce = salesforce == null ? new Salesforce(null, null, null, null, null, null) : salesforce;
    }

    /**
     * Whether a CRM account may send here: any when none is configured, else only those listed.
     *
     * @param accounts the configured account ids
     * @param account  the account an event names, or {@code null}
     */
    public static boolean serves(List<String> accounts, String account) {
        return accounts.isEmpty() || account != null && accounts.contains(account);
    }

    /**
     * @param clientSecret     the app's client secret (signs each request)
     * @param publicUrl        the webhook URL as HubSpot calls it, when a proxy changes scheme or host; else the request's
     * @param defaultCurrency  the currency of deal amounts (HubSpot sends the amount alone)
     * @param stages           HubSpot deal stage id to canonical stage
     * @param callDispositions HubSpot call disposition id to call outcome
     * @param accounts         the HubSpot portal ids allowed to send (empty: any portal the app is installed in)
     * @param contracts        which company properties hold a customer's contract (none: no contracts)
     */
    public record HubSpot(
            String clientSecret,
            String publicUrl,
            String defaultCurrency,
            Map<String, DealStage> stages,
            Map<String, CallOutcome> callDispositions,
            List<String> accounts,
            Contracts contracts) {

        public HubSpot {
            contracts = contracts == null ? Contracts.NONE : contracts;
            accounts = accounts == null ? List.of() : List.copyOf(accounts);
            defaultCurrency = defaultCurrency == null ? "EUR" : defaultCurrency;
            stages = stages == null ? Map.of() : Map.copyOf(stages);
            callDispositions = callDispositions == null ? Map.of() : Map.copyOf(callDispositions);
        }
    }

    /**
     * Where a CRM keeps a customer's contract: the fields (Pipedrive's organisation custom field keys) or properties
     * (HubSpot's company properties) of its ARR, its term's start and end, its status, and the pipeline whose deals are
     * renewals. A customer record is a contract once its ARR and its term's end are known; a term with no start runs a
     * year to its end.
     *
     * @param arrField       the ARR (Pipedrive: a monetary field, its currency with it; HubSpot: a number, in the CRM's
     *                       default currency)
     * @param termStartField the term's first day (a date)
     * @param termEndField   the term's last day, the renewal date (a date)
     * @param statusField    the customer's status (an option or a text)
     * @param churnedValues  the status values (option ids or texts, any case) that mean the customer left
     * @param renewalPipeline the pipeline whose deals are renewals: kept out of the sales pipeline, each naming its
     *                        organisation's contract as its renewal (Pipedrive)
     */
    public record Contracts(
            String arrField,
            String termStartField,
            String termEndField,
            String statusField,
            List<String> churnedValues,
            String renewalPipeline) {

        static final Contracts NONE = new Contracts(null, null, null, null, null, null);

        public Contracts {
            arrField = blankless(arrField);
            termStartField = blankless(termStartField);
            termEndField = blankless(termEndField);
            statusField = blankless(statusField);
            renewalPipeline = blankless(renewalPipeline);
            churnedValues = churnedValues == null
                    ? List.of()
                    : churnedValues.stream()
                            .map(v -> v.toLowerCase(java.util.Locale.ROOT))
                            .toList();
        }

        private static String blankless(String value) {
            return value == null || value.isBlank() ? null : value;
        }

        /** Whether customer contracts are read at all. */
        public boolean enabled() {
            return arrField != null && termEndField != null;
        }

        /** Whether a status value means the customer left. */
        public boolean churned(String status) {
            return status != null && churnedValues.contains(status.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /**
     * @param username HTTP Basic user the webhook is configured with
     * @param password HTTP Basic password
     * @param stages   Pipedrive stage id to canonical stage (a deal's won/lost status wins over its stage)
     * @param defaultCurrency the currency when a deal has none
     * @param accounts the Pipedrive company ids allowed to send (empty: any)
     * @param forecastField      the key of the deal custom field holding a forecast category (none: the stage decides)
     * @param forecastCategories that field's option ids (or texts) to forecast categories
     * @param contracts          where an organisation's customer contract is kept (none: no contracts)
     */
    public record Pipedrive(
            String username,
            String password,
            Map<String, DealStage> stages,
            String defaultCurrency,
            List<String> accounts,
            String forecastField,
            Map<String, ForecastCategory> forecastCategories,
            Contracts contracts) {

        public Pipedrive {
            contracts = contracts == null ? Contracts.NONE : contracts;
            forecastCategories = forecastCategories == null ? Map.of() : Map.copyOf(forecastCategories);
            accounts = accounts == null ? List.of() : List.copyOf(accounts);
            stages = stages == null ? Map.of() : Map.copyOf(stages);
            defaultCurrency = defaultCurrency == null ? "EUR" : defaultCurrency;
        }
    }

    /**
     * @param secret the webhook's signing secret
     * @param stages Twenty opportunity stage to canonical stage
     * @param defaultCurrency the currency when an amount has none
     * @param accounts the Twenty workspace ids allowed to send (empty: any)
     */
    public record Twenty(String secret, Map<String, DealStage> stages, String defaultCurrency, List<String> accounts) {

        public Twenty {
            accounts = accounts == null ? List.of() : List.copyOf(accounts);
            stages = stages == null ? Map.of() : Map.copyOf(stages);
            defaultCurrency = defaultCurrency == null ? "EUR" : defaultCurrency;
        }
    }

    /**
     * Salesforce Outbound Messages. Salesforce does not sign them, and an organisation id is no secret: each organisation
     * listed has its own endpoint secret, which the Outbound Message's endpoint URL carries
     * ({@code /webhooks/salesforce/<secret>}) and which is compared in constant time with the one configured for the
     * message's {@code OrganizationId}; the endpoint should be reached over TLS only. None listed: none may send.
     *
     * @param organizations    each organisation allowed to send as {@code <organisation id>:<endpoint secret>} (the id,
     *                         18 characters; the secret, at least 32 characters, e.g. {@code openssl rand -hex 24}); an
     *                         id without a secret is refused with the rest of what it sends
     * @param stages           opportunity {@code StageName} to canonical stage (Salesforce's default stages when none)
     * @param defaultCurrency  the currency of an amount without {@code CurrencyIsoCode} (an organisation without
     *                         multi-currency)
     * @param callDispositions a Task's {@code CallDisposition} to call outcome (else: connected when it lasted)
     * @param lostReasonField  the opportunity field holding the loss reason (a custom field such as
     *                         {@code Loss_Reason__c}); none by default
     */
    public record Salesforce(
            List<String> organizations,
            Map<String, DealStage> stages,
            String defaultCurrency,
            Map<String, CallOutcome> callDispositions,
            String lostReasonField,
            Contracts contracts) {

        /**
         * Salesforce's contracts: the standard {@code Contract} object (its {@code StartDate}, {@code EndDate},
         * {@code Status}: {@code Terminated} means the customer left), its ARR in a custom field {@code ARR__c}, and
         * the opportunities of {@code Type} {@code Renewal} naming it ({@code ContractId}) as its renewals.
         */
        public static final Contracts DEFAULT_CONTRACTS =
                new Contracts("ARR__c", "StartDate", "EndDate", "Status", List.of("Terminated"), "Renewal");

        /** Salesforce's default opportunity stages. */
        public static final Map<String, DealStage> DEFAULT_STAGES = Map.of(
                "Prospecting", DealStage.NEW,
                "Qualification", DealStage.QUALIFIED,
                "Needs Analysis", DealStage.DISCOVERY,
                "Value Proposition", DealStage.DISCOVERY,
                "Id. Decision Makers", DealStage.DISCOVERY,
                "Perception Analysis", DealStage.PROPOSAL,
                "Proposal/Price Quote", DealStage.PROPOSAL,
                "Negotiation/Review", DealStage.NEGOTIATION,
                "Closed Won", DealStage.WON,
                "Closed Lost", DealStage.LOST);

        /** The shortest endpoint secret taken: shorter ones are as good as none. */
        public static final int MIN_SECRET = 32;

        public Salesforce {
            organizations = organizations == null
                    ? List.of()
                    : organizations.stream()
                            .filter(o -> o != null && !o.isBlank())
                            .map(String::trim)
                            .toList();
            stages = stages == null || stages.isEmpty() ? DEFAULT_STAGES : Map.copyOf(stages);
            defaultCurrency = defaultCurrency == null || defaultCurrency.isBlank() ? "EUR" : defaultCurrency;
            callDispositions = callDispositions == null ? Map.of() : Map.copyOf(callDispositions);
            lostReasonField = lostReasonField == null || lostReasonField.isBlank() ? null : lostReasonField;
            contracts = contracts == null || !contracts.enabled() ? DEFAULT_CONTRACTS : contracts;
        }

        /** The organisation ids listed (their secrets left out). */
        public List<String> organizationIds() {
            return organizations.stream()
                    .map(o -> o.contains(":") ? o.substring(0, o.indexOf(':')).trim() : o)
                    .toList();
        }

        /** The endpoint secret of an organisation listed, when it has one long enough. */
        public java.util.Optional<String> secretOf(String organizationId) {
            return organizations.stream()
                    .filter(o -> o.contains(":")
                            && o.substring(0, o.indexOf(':')).trim().equals(organizationId))
                    .map(o -> o.substring(o.indexOf(':') + 1).trim())
                    .filter(secret -> secret.length() >= MIN_SECRET)
                    .findFirst();
        }
    }
}
