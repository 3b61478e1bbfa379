package io.salespulse.contracts.deal;

/**
 * Canonical deal stages. Each CRM's stages map onto these through per-source configuration; the win
 * probability given here is the default, which an installation may override.
 */
public enum DealStage {
    NEW(0.10),
    QUALIFIED(0.20),
    DISCOVERY(0.40),
    PROPOSAL(0.60),
    NEGOTIATION(0.80),
    WON(1.0),
    LOST(0.0);

    private final double defaultWinProbability;

    DealStage(double defaultWinProbability) {
        this.defaultWinProbability = defaultWinProbability;
    }

    /** The default probability that a deal in this stage is won. */
    public double defaultWinProbability() {
        return defaultWinProbability;
    }

    /** Whether a deal in this stage is closed (won or lost). */
    public boolean isClosed() {
        return this == WON || this == LOST;
    }
}
