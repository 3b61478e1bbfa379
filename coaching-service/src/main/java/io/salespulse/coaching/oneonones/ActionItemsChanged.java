package io.salespulse.coaching.oneonones;

/** A rep's 1:1 action items changed (a 1:1 recorded or changed, an item done): what is overdue is judged again. */
public record ActionItemsChanged(String repId) {}
