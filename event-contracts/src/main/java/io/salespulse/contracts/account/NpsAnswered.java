package io.salespulse.contracts.account;

import java.time.Instant;

/**
 * A customer answered the NPS question (0 to 10). The comment, if any, is not kept. Type
 * {@code salespulse.nps.answered.v1}.
 *
 * @param accountId  the customer account
 * @param answerId   the survey tool's id of the answer
 * @param csmRepId   the owning CSM, or {@code null} when the CRM's owner maps to no rep
 * @param score      0 to 10: 9 and 10 promote, 0 to 6 detract
 * @param occurredAt when the customer answered
 */
public record NpsAnswered(String accountId, String answerId, String csmRepId, int score, Instant occurredAt)
        implements AccountEvent {}
