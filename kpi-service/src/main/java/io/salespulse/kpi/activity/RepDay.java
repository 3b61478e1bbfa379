package io.salespulse.kpi.activity;

import io.salespulse.contracts.kpi.DailyActivity;
import java.time.LocalDate;

/**
 * A rep's counted activity for one day of the team's time zone.
 *
 * @param repId    the rep
 * @param teamId   the team it was counted for ({@code null} if the rep was not in the roster then)
 * @param day      the day
 * @param activity the counts
 * @param version  how many events have been counted into it (it only grows)
 */
public record RepDay(String repId, String teamId, LocalDate day, DailyActivity activity, int version) {
}
