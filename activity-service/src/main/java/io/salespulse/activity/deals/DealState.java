package io.salespulse.activity.deals;

import io.salespulse.contracts.Money;
import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.deal.ForecastCategory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The last known state of a deal, with when each field last changed in the CRM (an older update of a field is
 * ignored, so late or out-of-order deliveries never move a deal back).
 *
 * @param dealId            the deal
 * @param ownerRepId        its owner ({@code null}: unattributed)
 * @param ownerExternalId   its owner's CRM id
 * @param name              its name
 * @param stage             its stage
 * @param amount            its amount ({@code null} until known)
 * @param expectedCloseDate its expected close date
 * @param lostReason        why it was lost
 * @param createdAt         when it was created
 * @param stageSince        when it entered its stage
 * @param closeDatePushes   how many times its close date was pushed out
 * @param fieldTimes        when each field last changed
 * @param forecastCategory  the CRM's own forecast category ({@code null}: none, the stage's default applies)
 * @param sourcedByRepId    the SDR who sourced it, if the CRM says
 */
public record DealState(
        String dealId,
        String ownerRepId,
        String ownerExternalId,
        String name,
        DealStage stage,
        Money amount,
        LocalDate expectedCloseDate,
        String lostReason,
        Instant createdAt,
        Instant stageSince,
        int closeDatePushes,
        Map<DealField, Instant> fieldTimes,
        ForecastCategory forecastCategory,
        String sourcedByRepId) {}
