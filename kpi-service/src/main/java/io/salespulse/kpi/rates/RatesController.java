package io.salespulse.kpi.rates;

import io.salespulse.kit.web.CsvUpload;
import io.salespulse.kit.web.CsvUpload.LineProblem;
import io.salespulse.kit.web.FieldProblem;
import io.salespulse.kit.web.InvalidRequestException;
import io.salespulse.kit.web.RequestBodies;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The exchange-rate table that converts a unit's amounts into its reporting currency: set by admins (as JSON or a CSV
 * file), read by everyone who reads figures.
 */
@RestController
class RatesController {

    static final int MAX_RATES = 1_000;
    static final long MAX_IMPORT_BYTES = 1024 * 1024;
    static final int MAX_IMPORT_LINES = 10_000;
    static final BigDecimal MAX_RATE = new BigDecimal("1000000");
    private static final List<String> COLUMNS = List.of("from", "to", "rate", "effectiveFrom");

    private final ExchangeRates rates;
    private final Clock clock;

    RatesController(ExchangeRates rates, Clock clock) {
        this.rates = rates;
        this.clock = clock;
    }

    /**
     * A rate.
     *
     * @param from          ISO 4217 code of the currency converted
     * @param to            ISO 4217 code of the currency it is converted into
     * @param rate          how much of {@code to} one {@code from} buys (above 0, at most 1,000,000)
     * @param effectiveFrom the first day it applies (until the next rate of the pair)
     */
    record RateView(String from, String to, BigDecimal rate, LocalDate effectiveFrom) {}

    /** @param rates the rates to set (at most 1,000) */
    record RatesRequest(@NotNull @Size(max = MAX_RATES) List<@NotNull RateView> rates) {}

    /**
     * What setting rates did.
     *
     * @param read     rates (or data lines) read
     * @param accepted rates set or changed
     * @param unchanged rates already set as they are
     * @param rejected the refused ones, each with its line (a CSV file's, the header being line 1; a JSON list's
     *                 position from 1) and field
     */
    record RatesReport(int read, int accepted, int unchanged, List<LineProblem> rejected) {}

    @Operation(summary = "The exchange rates set, by pair and effective day")
    @GetMapping("/api/v1/rates")
    List<RateView> rates() {
        return rates.all().stream()
                .map(s -> new RateView(s.from(), s.to(), s.rate(), LocalDate.parse(s.effectiveFrom())))
                .toList();
    }

    @Operation(summary = "Set exchange rates (each for a pair from an effective day)")
    @PutMapping("/api/v1/admin/rates")
    RatesReport put(@Valid @RequestBody RatesRequest request) {
        List<LineProblem> rejected = new ArrayList<>();
        List<RateView> good = new ArrayList<>();
        for (int i = 0; i < request.rates().size(); i++) {
            RateView rate = request.rates().get(i);
            Optional<FieldProblem> problem = problem(
                    rate.from(),
                    rate.to(),
                    rate.rate(),
                    rate.effectiveFrom() == null ? "" : rate.effectiveFrom().toString());
            if (problem.isPresent()) {
                // One bad rate in a list refuses the list: a JSON request is all or nothing, named by position.
                throw new InvalidRequestException(
                        "rates[" + i + "]." + problem.get().field(),
                        problem.get().message());
            }
            good.add(rate);
        }
        int accepted = 0;
        for (RateView rate : good) {
            accepted += rates.put(rate.from(), rate.to(), rate.rate(), rate.effectiveFrom(), clock.instant()) ? 1 : 0;
        }
        return new RatesReport(good.size(), accepted, good.size() - accepted, rejected);
    }

    /**
     * Rates from a CSV file with the header {@code from,to,rate,effectiveFrom} (a central bank's table, say). Each good
     * line is set; each bad one is reported with its line and column, and stops nothing else.
     */
    @Operation(summary = "Import exchange rates from a CSV file (line-numbered report)")
    @PostMapping(
            path = "/api/v1/admin/rates/import",
            consumes = {"text/csv", "text/plain"})
    RatesReport importRates(HttpServletRequest request) throws IOException {
        String csv = new String(RequestBodies.read(request, MAX_IMPORT_BYTES, () -> {}), StandardCharsets.UTF_8);
        CsvUpload upload = CsvUpload.read(csv, COLUMNS, MAX_IMPORT_LINES);
        List<LineProblem> rejected = new ArrayList<>();
        upload.unreadable().ifPresent(rejected::add);
        int accepted = 0;
        int unchanged = 0;
        for (CsvUpload.Line line : upload.lines()) {
            if (!line.isConsistent()) {
                rejected.add(line.inconsistency());
                continue;
            }
            BigDecimal rate;
            try {
                rate = new BigDecimal(line.get("rate"));
            } catch (NumberFormatException e) {
                rejected.add(new LineProblem(line.number(), "rate", "must be a number such as 1.0842"));
                continue;
            }
            Optional<FieldProblem> problem = problem(line.get("from"), line.get("to"), rate, line.get("effectiveFrom"));
            if (problem.isPresent()) {
                rejected.add(new LineProblem(
                        line.number(), problem.get().field(), problem.get().message()));
                continue;
            }
            if (rates.put(
                    line.get("from"),
                    line.get("to"),
                    rate,
                    LocalDate.parse(line.get("effectiveFrom")),
                    clock.instant())) {
                accepted++;
            } else {
                unchanged++;
            }
        }
        rejected.sort(java.util.Comparator.comparingLong(LineProblem::line));
        return new RatesReport(upload.read(), accepted, unchanged, rejected);
    }

    private Optional<FieldProblem> problem(String from, String to, BigDecimal rate, String effectiveFrom) {
        if (from == null || !from.matches("[A-Z]{3}")) {
            return Optional.of(new FieldProblem("from", "must be an ISO 4217 code such as USD"));
        }
        if (to == null || !to.matches("[A-Z]{3}")) {
            return Optional.of(new FieldProblem("to", "must be an ISO 4217 code such as EUR"));
        }
        if (from.equals(to)) {
            return Optional.of(new FieldProblem("to", "must differ from from"));
        }
        if (rate == null || rate.signum() <= 0 || rate.compareTo(MAX_RATE) > 0 || rate.scale() > 10) {
            return Optional.of(
                    new FieldProblem("rate", "must be above 0 and at most 1000000, with at most 10 decimals"));
        }
        LocalDate day;
        try {
            day = LocalDate.parse(effectiveFrom);
        } catch (DateTimeParseException e) {
            return Optional.of(new FieldProblem("effectiveFrom", "must be a date as YYYY-MM-DD"));
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (day.isBefore(today.minusYears(20)) || day.isAfter(today.plusYears(1))) {
            return Optional.of(new FieldProblem("effectiveFrom", "must be within the last 20 years and the next one"));
        }
        return Optional.empty();
    }
}
