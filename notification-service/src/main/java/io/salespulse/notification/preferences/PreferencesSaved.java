package io.salespulse.notification.preferences;

/** A manager's preferences were saved (an application event: routing looks again at what reached them nowhere). */
public record PreferencesSaved(String managerId) {}
