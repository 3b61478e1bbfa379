package io.salespulse.contracts.account;

/** What happened to a contract. Its ARR before and after say by how much; the kind says why. */
public enum ContractChange {
    /** A new contract: ARR from nothing. */
    STARTED,
    /** A term ended and a new one began (at the same ARR or another). */
    RENEWED,
    /** ARR went up within a term (upsell, more seats). */
    EXPANDED,
    /** ARR went down within a term (fewer seats, a discount), the contract still running. */
    CONTRACTED,
    /** The customer left: ARR to nothing. */
    CHURNED
}
