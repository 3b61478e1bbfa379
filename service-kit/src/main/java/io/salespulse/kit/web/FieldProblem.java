package io.salespulse.kit.web;

/**
 * One bad field of a request, as listed in a problem+json {@code errors} member.
 *
 * @param field   the field's path, e.g. {@code data.repId} or {@code [3].time}
 * @param message what is wrong with it
 */
public record FieldProblem(String field, String message) {}
