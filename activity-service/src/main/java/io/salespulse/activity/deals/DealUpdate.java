package io.salespulse.activity.deals;

import io.salespulse.contracts.Money;
import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.deal.ForecastCategory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a CRM said about a deal at one moment: a full snapshot (CloudEvents {@code deal.updated}, a Pipedrive deal)
 * or a single property (a HubSpot property change). Only the fields in {@code present} are meant.
 *
 * @param dealId            the deal (SalesPulse id: the CRM's, prefixed by source where ids could collide)
 * @param present           which fields this update carries
 * @param ownerRepId        the owner as a SalesPulse rep ({@code null} if the CRM owner maps to none)
 * @param ownerExternalId   the owner's id in the CRM, kept for attribution
 * @param name              the deal's name
 * @param stage             the canonical stage
 * @param amount            the amount
 * @param expectedCloseDate the expected close date
 * @param lostReason        why it was lost
 * @param createdAt         when the deal was created in the CRM, if known
 * @param occurredAt        when the CRM made this change
 * @param forecastCategory  the CRM's own forecast category ({@code null} with the field present: cleared)
 * @param sourcedByRepId    the SDR who sourced the deal
 */
public record DealUpdate(
        String dealId,
        Set<DealField> present,
        String ownerRepId,
        String ownerExternalId,
        String name,
        DealStage stage,
        Money amount,
        LocalDate expectedCloseDate,
        String lostReason,
        Instant createdAt,
        Instant occurredAt,
        ForecastCategory forecastCategory,
        String sourcedByRepId) {

    /** This update, also carrying the CRM's forecast category ({@code null}: cleared). */
    public DealUpdate withForecastCategory(ForecastCategory category) {
        return new DealUpdate(
                dealId,
                with(DealField.FORECAST_CATEGORY),
                ownerRepId,
                ownerExternalId,
                name,
                stage,
                amount,
                expectedCloseDate,
                lostReason,
                createdAt,
                occurredAt,
                category,
                sourcedByRepId);
    }

    /** This update, also naming the SDR who sourced the deal. */
    public DealUpdate withSourcedBy(String sdrRepId) {
        return new DealUpdate(
                dealId,
                with(DealField.SOURCED_BY),
                ownerRepId,
                ownerExternalId,
                name,
                stage,
                amount,
                expectedCloseDate,
                lostReason,
                createdAt,
                occurredAt,
                forecastCategory,
                sdrRepId);
    }

    private Set<DealField> with(DealField field) {
        Set<DealField> fields = present.isEmpty() ? EnumSet.noneOf(DealField.class) : EnumSet.copyOf(present);
        fields.add(field);
        return Set.copyOf(fields);
    }

    /** An update carrying every field (a full snapshot). */
    public static DealUpdate snapshot(
            String dealId,
            String ownerRepId,
            String ownerExternalId,
            String name,
            DealStage stage,
            Money amount,
            LocalDate expectedCloseDate,
            String lostReason,
            Instant createdAt,
            Instant occurredAt) {
        Set<DealField> present = EnumSet.of(DealField.OWNER, DealField.STAGE, DealField.AMOUNT);
        if (name != null) {
            present.add(DealField.NAME);
        }
        if (expectedCloseDate != null) {
            present.add(DealField.CLOSE_DATE);
        }
        if (lostReason != null) {
            present.add(DealField.LOST_REASON);
        }
        return new DealUpdate(
                dealId,
                present,
                ownerRepId,
                ownerExternalId,
                name,
                stage,
                amount,
                expectedCloseDate,
                lostReason,
                createdAt,
                occurredAt,
                null,
                null);
    }

    /** An update carrying only the given fields (the others are ignored whatever their value). */
    public static DealUpdate partial(
            String dealId,
            Set<DealField> present,
            String ownerRepId,
            String ownerExternalId,
            String name,
            DealStage stage,
            Money amount,
            LocalDate expectedCloseDate,
            String lostReason,
            Instant occurredAt) {
        return new DealUpdate(
                dealId,
                Set.copyOf(present),
                ownerRepId,
                ownerExternalId,
                name,
                stage,
                amount,
                expectedCloseDate,
                lostReason,
                null,
                occurredAt,
                null,
                null);
    }

    /**
     * This update and a later one of the same deal at the same moment as one (a CRM that tells a deal's properties one
     * notification each): the fields of both, the later one's value where both carry a field.
     */
    public DealUpdate and(DealUpdate later) {
        Set<DealField> fields = EnumSet.noneOf(DealField.class);
        fields.addAll(present);
        fields.addAll(later.present);
        boolean owner = later.has(DealField.OWNER);
        return new DealUpdate(
                dealId,
                Set.copyOf(fields),
                owner ? later.ownerRepId : ownerRepId,
                owner ? later.ownerExternalId : ownerExternalId,
                later.has(DealField.NAME) ? later.name : name,
                later.has(DealField.STAGE) ? later.stage : stage,
                later.has(DealField.AMOUNT) ? later.amount : amount,
                later.has(DealField.CLOSE_DATE) ? later.expectedCloseDate : expectedCloseDate,
                later.has(DealField.LOST_REASON) ? later.lostReason : lostReason,
                createdAt != null ? createdAt : later.createdAt,
                occurredAt,
                later.has(DealField.FORECAST_CATEGORY) ? later.forecastCategory : forecastCategory,
                later.has(DealField.SOURCED_BY) ? later.sourcedByRepId : sourcedByRepId);
    }

    boolean has(DealField field) {
        return present.contains(field);
    }
}
