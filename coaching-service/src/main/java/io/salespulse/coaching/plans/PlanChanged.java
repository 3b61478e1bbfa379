package io.salespulse.coaching.plans;

/** A rep's plan was made, changed or reviewed, or a milestone done: its reminders and recognitions are judged again. */
public record PlanChanged(String repId) {}
