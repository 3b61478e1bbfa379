package io.salespulse.contracts.org;

/** Why a rep is away. Managers and admins see the kind; everyone else sees only that the rep is away. */
public enum AbsenceKind {
    LEAVE,
    SICK,
    TRAINING,
    OTHER
}
