package io.salespulse.contracts.signal;

import io.salespulse.contracts.Money;
import io.salespulse.contracts.deal.DealStage;
import java.time.LocalDate;

/**
 * The deal a deal signal is about, as a manager needs it to act without opening the CRM first.
 *
 * @param name              the deal's name in the CRM ({@code null} if the CRM gave none)
 * @param amount            its amount, if known
 * @param stage             its stage
 * @param daysInStage       whole days in that stage
 * @param expectedCloseDate its expected close date, if any
 * @param crmUrl            the deal's page in its CRM ({@code null} when no link template is configured for that CRM)
 */
public record DealSummary(
        String name, Money amount, DealStage stage, Long daysInStage, LocalDate expectedCloseDate, String crmUrl) {}
