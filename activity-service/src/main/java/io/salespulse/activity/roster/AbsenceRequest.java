package io.salespulse.activity.roster;

import io.salespulse.contracts.org.AbsenceKind;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/**
 * {@code PUT /api/v1/reps/{repId}/absences/{absenceId}} body.
 *
 * @param from the first day away (the team's calendar day)
 * @param to   the last day away, inclusive
 * @param kind LEAVE, SICK, TRAINING or OTHER
 */
record AbsenceRequest(
        @NotNull LocalDate from,
        @NotNull LocalDate to,
        @NotNull AbsenceKind kind) {}
