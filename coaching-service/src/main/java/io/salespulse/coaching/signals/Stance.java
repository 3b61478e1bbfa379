package io.salespulse.coaching.signals;

import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.Seniority;
import java.time.Duration;
import java.time.LocalDate;

/**
 * How a manager leads a rep, which decides the words of a suggestion and of the 1:1 questions: a rep in onboarding
 * (ramp milestones: a first meeting booked, a first deal), a junior (directive, teaching, frequent check-ins) or a
 * senior (autonomy, delegation, peer mentoring).
 */
public enum Stance {
    ONBOARDING,
    JUNIOR,
    SENIOR;

    /** A rep's stance today: in onboarding for its first {@code onboarding} days, else by seniority; none for nobody. */
    public static Stance of(RepChanged rep, LocalDate today, Duration onboarding) {
        if (rep == null) {
            return null;
        }
        if (rep.startDate() != null
                && !rep.startDate().isAfter(today)
                && rep.startDate().plusDays(onboarding.toDays()).isAfter(today)) {
            return ONBOARDING;
        }
        return rep.seniority() == Seniority.SENIOR ? SENIOR : rep.seniority() == Seniority.JUNIOR ? JUNIOR : null;
    }
}
