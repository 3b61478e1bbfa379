package io.salespulse.activity.roster;

import io.salespulse.contracts.org.AbsenceKind;
import io.salespulse.contracts.org.RepAbsence;
import io.salespulse.kit.web.FieldProblem;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The bounds every absence meets, from the API or a CSV line. */
final class Absences {

    /** The longest absence taken in one record (a longer one is recorded in parts). */
    static final int MAX_DAYS = 366;
    /** How far back an absence may start, and how far ahead it may end. */
    static final int YEARS_BACK = 1;

    static final int YEARS_AHEAD = 2;

    private Absences() {}

    /** What is wrong with an absence's dates, named by field ({@code from}, {@code to}); empty when it is fine. */
    static List<FieldProblem> problems(LocalDate from, LocalDate to, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        if (from == null) {
            problems.add(new FieldProblem("from", "is required, as YYYY-MM-DD"));
        } else if (from.isBefore(today.minusYears(YEARS_BACK))) {
            problems.add(new FieldProblem("from", "must be within the last " + YEARS_BACK + " year"));
        }
        if (to == null) {
            problems.add(new FieldProblem("to", "is required, as YYYY-MM-DD"));
        } else if (to.isAfter(today.plusYears(YEARS_AHEAD))) {
            problems.add(new FieldProblem("to", "must be within the next " + YEARS_AHEAD + " years"));
        } else if (from != null && to.isBefore(from)) {
            problems.add(new FieldProblem("to", "must be on or after from"));
        } else if (from != null && ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            problems.add(new FieldProblem("to", "must be at most " + MAX_DAYS + " days after from"));
        }
        return problems;
    }

    /** An absence as the API shows it; {@code kind} only to the rep's managers and admins. */
    record View(String absenceId, String repId, LocalDate from, LocalDate to, AbsenceKind kind, long revision) {

        static View of(RepAbsence absence, boolean showKind) {
            return new View(
                    absence.absenceId(),
                    absence.repId(),
                    absence.from(),
                    absence.to(),
                    showKind ? absence.kind() : null,
                    RosterController.revisionOf(absence.occurredAt()));
        }
    }
}
