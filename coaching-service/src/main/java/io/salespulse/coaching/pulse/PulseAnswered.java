package io.salespulse.coaching.pulse;

/** A team's pulse got an answer: its morale is judged again. */
public record PulseAnswered(String teamId) {}
