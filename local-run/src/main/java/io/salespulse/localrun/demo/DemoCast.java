package io.salespulse.localrun.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * The demo's people: two teams, one in Paris (French-speaking manager, on Pipedrive) and one in New York
 * (English-speaking manager, on HubSpot for deals and an integration posting CloudEvents for activities), each with
 * SDRs and AEs, juniors and seniors, and a customer success manager with a book of accounts. The roster is loaded by {@code DemoOrganisation}; this is what the simulator
 * needs to know about it.
 */
public final class DemoCast {

    private DemoCast() {}

    /** Where a team's CRM data comes from. */
    public enum Crm {
        /** Pipedrive webhooks for deals and activities. */
        PIPEDRIVE,
        /** HubSpot webhooks for deals, CloudEvents for activities. */
        HUBSPOT
    }

    /**
     * A team.
     *
     * @param teamId    its id
     * @param name      its name
     * @param zone      its time zone
     * @param locale    its language
     * @param managerId its manager
     * @param currency  its deals' currency
     * @param crm       where its data comes from
     */
    public record Team(
            String teamId,
            String name,
            ZoneId zone,
            String locale,
            String managerId,
            String currency,
            Crm crm,
            String country) {}

    /**
     * A rep.
     *
     * @param repId       its id
     * @param name        its display name
     * @param teamId      its team
     * @param role        SDR or AE
     * @param seniority   JUNIOR or SENIOR
     * @param monthsIn    how long the rep has been in the team, in months (its first day is relative to the day played,
     *                    so that a junior stays as far from onboarding whatever the date)
     * @param hubspotId   HubSpot owner id
     * @param pipedriveId Pipedrive user id
     */
    public record Rep(
            String repId,
            String name,
            String teamId,
            String role,
            String seniority,
            int monthsIn,
            String hubspotId,
            String pipedriveId) {

        /** Its first day, seen from {@code today}: the Monday on or after the day {@link #monthsIn} months before. */
        public LocalDate startDate(LocalDate today) {
            return today.minusMonths(monthsIn).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        }

        public boolean sdr() {
            return "SDR".equals(role);
        }
    }

    public static final Team PARIS = new Team(
            "team-paris",
            "Paris Mid-Market",
            ZoneId.of("Europe/Paris"),
            "fr",
            "mgr-camille",
            "EUR",
            Crm.PIPEDRIVE,
            "FR");
    public static final Team NEW_YORK = new Team(
            "team-nyc",
            "New York Enterprise",
            ZoneId.of("America/New_York"),
            "en",
            "mgr-jordan",
            "USD",
            Crm.HUBSPOT,
            null);
    public static final List<Team> TEAMS = List.of(PARIS, NEW_YORK);

    /**
     * A unit of the demo's organisation.
     *
     * @param parentId the unit above (null: the company)
     * @param headId   its director (null: none of its own)
     */
    public record Unit(
            String unitId,
            String name,
            String parentId,
            String headId,
            List<String> teamIds,
            String currency,
            String locale,
            ZoneId zone) {}

    /** The director over Paris and New York: the company's head. */
    public static final String DIRECTOR = "dir-nadia";

    /** The company, reporting in euros, over Europe (Paris, in euros) and the Americas (New York, in dollars). */
    public static final Unit COMPANY = new Unit(
            "unit-company", "SalesPulse Demo Group", null, DIRECTOR, List.of(), "EUR", "fr", ZoneId.of("Europe/Paris"));

    public static final Unit EUROPE = new Unit(
            "unit-europe",
            "Europe",
            COMPANY.unitId(),
            null,
            List.of(PARIS.teamId()),
            "EUR",
            "fr",
            ZoneId.of("Europe/Paris"));
    public static final Unit AMERICAS = new Unit(
            "unit-americas",
            "Americas",
            COMPANY.unitId(),
            null,
            List.of(NEW_YORK.teamId()),
            "USD",
            "en",
            ZoneId.of("America/New_York"));
    /** The units, each after the one above it. */
    public static final List<Unit> UNITS = List.of(COMPANY, EUROPE, AMERICAS);

    /** Nadia's call for the company's quarter, in euros. */
    public static final String DIRECTORS_CALL = "450000";

    /**
     * The people who sign in besides the reps, by the id their sign-in gives them, with the names the pages show (the
     * cockpit's demo sign-in offers them under the same names).
     */
    public static final java.util.Map<String, String> PEOPLE = java.util.Map.of(
            "mgr-camille",
            "Camille Durand",
            "mgr-jordan",
            "Jordan Miller",
            "lead-sophie",
            "Sophie Laurent",
            DIRECTOR,
            "Nadia Roussel",
            "admin-local",
            "Admin");

    public static final List<Rep> REPS = List.of(
            new Rep("sdr-lea", "Léa Martin", PARIS.teamId(), "SDR", "JUNIOR", 9, "51001", "201"),
            new Rep("sdr-hugo", "Hugo Bernard", PARIS.teamId(), "SDR", "SENIOR", 39, "51002", "202"),
            new Rep("ae-ines", "Inès Moreau", PARIS.teamId(), "AE", "SENIOR", 59, "51003", "203"),
            new Rep("ae-marc", "Marc Petit", PARIS.teamId(), "AE", "JUNIOR", 13, "51004", "204"),
            new Rep("sdr-maya", "Maya Johnson", NEW_YORK.teamId(), "SDR", "JUNIOR", 18, "52001", "301"),
            new Rep("sdr-ethan", "Ethan Brooks", NEW_YORK.teamId(), "SDR", "SENIOR", 56, "52002", "302"),
            new Rep("ae-olivia", "Olivia Chen", NEW_YORK.teamId(), "AE", "SENIOR", 63, "52003", "303"),
            new Rep("ae-noah", "Noah Williams", NEW_YORK.teamId(), "AE", "JUNIOR", 22, "52004", "304"));

    /**
     * The customer success managers, one per team, each with a book of customer accounts ({@link DemoCustomers}); not
     * in {@link #REPS}, whose days the sales story generates.
     */
    public static final List<Rep> CSMS = List.of(
            new Rep("csm-zoe", "Zoé Lambert", PARIS.teamId(), "CSM", "SENIOR", 30, "51005", "205"),
            new Rep("csm-liam", "Liam Carter", NEW_YORK.teamId(), "CSM", "JUNIOR", 16, "52005", "305"));

    /** Everyone of the roster: the sales reps, then the CSMs. */
    public static List<Rep> everyone() {
        List<Rep> all = new java.util.ArrayList<>(REPS);
        all.addAll(CSMS);
        return List.copyOf(all);
    }

    public static Team teamOf(Rep rep) {
        return TEAMS.stream()
                .filter(t -> t.teamId().equals(rep.teamId()))
                .findFirst()
                .orElseThrow();
    }

    public static Rep rep(String repId) {
        return everyone().stream()
                .filter(r -> r.repId().equals(repId))
                .findFirst()
                .orElseThrow();
    }
}
