package io.salespulse.activity.roster;

import io.salespulse.contracts.org.AbsenceKind;
import io.salespulse.contracts.org.RepAbsence;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.kit.calendar.PublicHolidays;
import io.salespulse.kit.security.Caller;
import io.salespulse.kit.web.Bounded;
import io.salespulse.kit.web.CsvUpload;
import io.salespulse.kit.web.CsvUpload.LineProblem;
import io.salespulse.kit.web.FieldProblem;
import io.salespulse.kit.web.InvalidRequestException;
import io.salespulse.kit.web.NotFoundException;
import io.salespulse.kit.web.RequestBodies;
import io.salespulse.kit.web.Revisions;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reps' absences: recorded by their managers or admins, one at a time or from a CSV file, published to the org topic
 * so that every service counts working days without them. The kind (leave, sick...) is shown to the rep's managers and
 * admins only.
 */
@RestController
class AbsencesController {

    static final long MAX_IMPORT_BYTES = 1024 * 1024;
    static final int MAX_IMPORT_LINES = 10_000;
    static final int MAX_LIST_DAYS = 2 * 366;
    private static final List<String> COLUMNS = List.of("repId", "from", "to", "kind");

    private final RosterService roster;
    private final PublicHolidays holidays = new PublicHolidays();

    AbsencesController(RosterService roster) {
        this.roster = roster;
    }

    /**
     * The team's public holidays from..to (default: today to a year ahead, at most 732 days), named in {@code lang}
     * ({@code fr} or {@code en}; the team's language by default). Empty for a team without a holiday calendar.
     */
    @Operation(summary = "A team's public holidays in a range, named in a language")
    @GetMapping("/api/v1/teams/{teamId}/holidays")
    List<PublicHolidays.Day> getTeamHolidays(
            @PathVariable @Bounded String teamId,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) String lang) {
        var team = roster.team(teamId).orElseThrow(() -> new NotFoundException("No team " + teamId));
        if (lang != null && !lang.equals("fr") && !lang.equals("en")) {
            throw new InvalidRequestException("lang", "must be fr or en");
        }
        LocalDate first = from == null ? today() : from;
        LocalDate last = to == null ? first.plusDays(365) : to;
        checkRange(first, last);
        Locale locale = Locale.forLanguageTag(
                lang != null
                        ? lang
                        : team.locale() == null ? "en" : team.locale().name());
        return holidays.between(team.holidays(), first, last, locale);
    }

    @Operation(summary = "Record or change a rep's absence")
    @PutMapping("/api/v1/reps/{repId}/absences/{absenceId}")
    ResponseEntity<Absences.View> putAbsence(
            @PathVariable @Bounded String repId,
            @PathVariable @Bounded String absenceId,
            @Valid @RequestBody AbsenceRequest request,
            @RequestHeader(value = Revisions.IF_MATCH, required = false) String ifMatch) {
        RepChanged rep = roster.rep(repId).orElseThrow(() -> new NotFoundException("No rep " + repId));
        Optional<java.time.Instant> last = roster.absence(absenceId).map(RepAbsence::occurredAt);
        Revisions.check(ifMatch, last.map(RosterController::revisionOf));
        List<FieldProblem> problems = new ArrayList<>(Absences.problems(request.from(), request.to(), today()));
        roster.absence(absenceId)
                .filter(held -> !held.repId().equals(repId))
                .ifPresent(held -> problems.add(new FieldProblem("absenceId", "belongs to another rep")));
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        RepAbsence saved = roster.saveAbsence(new RepAbsence(
                absenceId, repId, request.from(), request.to(), request.kind(), false, roster.nextChange(last)));
        return RosterController.tagged(Absences.View.of(saved, showsKind(rep.teamId())), Absences.View::revision);
    }

    /** Withdraws an absence: its days are working days again. Withdrawing twice is no error. */
    @Operation(summary = "Withdraw an absence")
    @DeleteMapping("/api/v1/reps/{repId}/absences/{absenceId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteAbsence(
            @PathVariable @Bounded String repId,
            @PathVariable @Bounded String absenceId,
            @RequestHeader(value = Revisions.IF_MATCH, required = false) String ifMatch) {
        RepAbsence held = roster.absence(absenceId)
                .filter(absence -> absence.repId().equals(repId))
                .orElseThrow(() -> new NotFoundException("No absence " + absenceId + " for rep " + repId));
        Revisions.check(ifMatch, Optional.of(RosterController.revisionOf(held.occurredAt())));
        if (!held.cancelled()) {
            roster.saveAbsence(new RepAbsence(
                    held.absenceId(),
                    repId,
                    held.from(),
                    held.to(),
                    held.kind(),
                    true,
                    roster.nextChange(Optional.of(held.occurredAt()))));
        }
    }

    @Operation(summary = "A rep's absences in a range")
    @GetMapping("/api/v1/reps/{repId}/absences")
    List<Absences.View> getRepAbsences(
            @PathVariable @Bounded String repId,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        RepChanged rep = roster.rep(repId).orElseThrow(() -> new NotFoundException("No rep " + repId));
        return list(List.of(repId), rep.teamId(), from, to);
    }

    @Operation(summary = "A team's absences in a range")
    @GetMapping("/api/v1/teams/{teamId}/absences")
    List<Absences.View> getTeamAbsences(
            @PathVariable @Bounded String teamId,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        roster.team(teamId).orElseThrow(() -> new NotFoundException("No team " + teamId));
        return list(roster.repsOf(teamId).stream().map(RepChanged::repId).toList(), teamId, from, to);
    }

    private List<Absences.View> list(List<String> repIds, String teamId, LocalDate from, LocalDate to) {
        LocalDate first = from == null ? today().minusDays(30) : from;
        LocalDate last = to == null ? today().plusDays(365) : to;
        checkRange(first, last);
        boolean kind = showsKind(teamId);
        return roster.absences(repIds, first, last, io.salespulse.kit.web.Paging.MAX_LIMIT).stream()
                .map(absence -> Absences.View.of(absence, kind))
                .toList();
    }

    private static void checkRange(LocalDate first, LocalDate last) {
        if (last.isBefore(first)) {
            throw new InvalidRequestException("to", "must be on or after from");
        }
        if (first.plusDays(MAX_LIST_DAYS).isBefore(last)) {
            throw new InvalidRequestException("to", "must be at most " + MAX_LIST_DAYS + " days after from");
        }
    }

    /**
     * What an import did.
     *
     * @param read      data lines read
     * @param accepted  absences recorded or changed
     * @param unchanged lines that repeat an absence already recorded as it is (an import run twice changes nothing)
     * @param rejected  the refused lines, each with its reason
     */
    record ImportReport(int read, int accepted, int unchanged, List<LineProblem> rejected) {}

    /**
     * Absences from a CSV file with the header {@code repId,from,to,kind} and an optional {@code absenceId} column
     * (derived from rep and dates when absent, so importing the same file twice records nothing twice). Each good
     * line is recorded; each bad one is reported with its line number and column, and stops nothing else.
     */
    @Operation(summary = "Import reps' absences from a CSV file (line-numbered report)")
    @PostMapping(
            path = "/api/v1/absences/import",
            consumes = {"text/csv", "text/plain"})
    ImportReport importAbsences(HttpServletRequest request) throws IOException {
        String csv = new String(RequestBodies.read(request, MAX_IMPORT_BYTES, () -> {}), StandardCharsets.UTF_8);
        Caller caller = Caller.current().orElseThrow();
        CsvUpload upload = CsvUpload.read(csv, COLUMNS, MAX_IMPORT_LINES);
        List<LineProblem> rejected = new ArrayList<>();
        upload.unreadable().ifPresent(rejected::add);
        int accepted = 0;
        int unchanged = 0;
        for (CsvUpload.Line entry : upload.lines()) {
            long line = entry.number();
            CSVRecord record = entry.record();
            Optional<LineProblem> problem = problem(entry, caller);
            if (problem.isPresent()) {
                rejected.add(problem.get());
                continue;
            }
            RepAbsence absence = absenceOf(record);
            Optional<RepAbsence> held = roster.absence(absence.absenceId());
            if (held.isPresent() && !held.get().repId().equals(absence.repId())) {
                rejected.add(new LineProblem(line, "absenceId", "belongs to another rep"));
            } else if (held.isPresent() && same(held.get(), absence)) {
                unchanged++;
            } else {
                roster.saveAbsence(absence);
                accepted++;
            }
        }
        rejected.sort(java.util.Comparator.comparingLong(LineProblem::line));
        return new ImportReport(upload.read(), accepted, unchanged, rejected);
    }

    private Optional<LineProblem> problem(CsvUpload.Line entry, Caller caller) {
        if (!entry.isConsistent()) {
            return Optional.of(entry.inconsistency());
        }
        CSVRecord record = entry.record();
        long line = entry.number();
        String repId = record.get("repId");
        Optional<RepChanged> rep = repId.isEmpty() || repId.length() > 100 ? Optional.empty() : roster.rep(repId);
        if (rep.isEmpty() || !caller.mayWrite(rep.get().teamId())) {
            return Optional.of(new LineProblem(
                    line, "repId", caller.has(Caller.ADMIN) ? "names no known rep" : "names no rep of your teams"));
        }
        if (record.isMapped("absenceId") && record.get("absenceId").length() > 100) {
            return Optional.of(new LineProblem(line, "absenceId", "must be at most 100 characters"));
        }
        LocalDate from;
        LocalDate to;
        try {
            from = LocalDate.parse(record.get("from"));
        } catch (DateTimeParseException e) {
            return Optional.of(new LineProblem(line, "from", "must be a date as YYYY-MM-DD"));
        }
        try {
            to = LocalDate.parse(record.get("to"));
        } catch (DateTimeParseException e) {
            return Optional.of(new LineProblem(line, "to", "must be a date as YYYY-MM-DD"));
        }
        List<FieldProblem> dates = Absences.problems(from, to, today());
        if (!dates.isEmpty()) {
            return Optional.of(
                    new LineProblem(line, dates.get(0).field(), dates.get(0).message()));
        }
        try {
            AbsenceKind.valueOf(record.get("kind").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.of(new LineProblem(line, "kind", "must be LEAVE, SICK, TRAINING or OTHER"));
        }
        return Optional.empty();
    }

    private RepAbsence absenceOf(CSVRecord record) {
        String repId = record.get("repId");
        LocalDate from = LocalDate.parse(record.get("from"));
        LocalDate to = LocalDate.parse(record.get("to"));
        String given = record.isMapped("absenceId") ? record.get("absenceId") : "";
        String absenceId = given.isEmpty() ? derivedId(repId, from, to) : given;
        return new RepAbsence(
                absenceId,
                repId,
                from,
                to,
                AbsenceKind.valueOf(record.get("kind").toUpperCase(Locale.ROOT)),
                false,
                roster.clock().instant());
    }

    /** The same rep and days always give the same id: a file imported twice records its absences once. */
    static String derivedId(String repId, LocalDate from, LocalDate to) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((repId + "|" + from + "|" + to).getBytes(StandardCharsets.UTF_8));
            return "import-" + HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean same(RepAbsence held, RepAbsence incoming) {
        return !held.cancelled()
                && held.from().equals(incoming.from())
                && held.to().equals(incoming.to())
                && held.kind() == incoming.kind();
    }

    private boolean showsKind(String teamId) {
        return Caller.current().map(caller -> caller.mayWrite(teamId)).orElse(false);
    }

    private LocalDate today() {
        return LocalDate.now(roster.clock().withZone(ZoneOffset.UTC));
    }
}
