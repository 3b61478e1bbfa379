package io.salespulse.kit.web;

import java.util.Optional;

/**
 * Optimistic concurrency on an editable record that counts its changes ({@code revision}): the revision is its
 * {@code ETag} ({@code "3"}), a write may name the revision it was read at in {@code If-Match}, and one naming a revision
 * the record no longer has is refused with {@code 412} ({@link PreconditionFailedException}), so that nobody's change
 * replaces one they never saw. A write without {@code If-Match} is unconditional, as before; {@code If-Match: *} asks
 * that the record exist. The store writes over the revision it read, so a change between the check and the write is
 * refused too.
 */
public final class Revisions {

    public static final String IF_MATCH = "If-Match";

    private Revisions() {}

    /** The ETag of a revision: a strong entity tag, {@code "<revision>"}. */
    public static String etag(long revision) {
        return "\"" + revision + "\"";
    }

    /**
     * Checks {@code If-Match} (null or blank: no condition) against the record's current revision (empty: no record).
     *
     * @throws PreconditionFailedException when the condition does not hold
     * @throws InvalidRequestException     when the header is not a list of entity tags
     */
    public static void check(String ifMatch, Optional<Long> current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String now = current.map(Revisions::etag).orElse(null);
        if (ifMatch.strip().equals("*")) {
            if (current.isEmpty()) {
                throw new PreconditionFailedException(
                        "There is no such record to change (If-Match: *): it was removed meanwhile, or never written",
                        null);
            }
            return;
        }
        if (ifMatch.length() > 200) {
            throw new InvalidRequestException(IF_MATCH, "must be at most 200 characters");
        }
        for (String tag : ifMatch.split(",")) {
            String t = tag.strip();
            if (!t.matches("\"[^\"]{0,64}\"")) {
                throw new InvalidRequestException(
                        IF_MATCH, "must be entity tags as the ETag header gives them, e.g. \"3\"");
            }
            if (t.equals(now)) {
                return;
            }
        }
        throw new PreconditionFailedException(
                current.isEmpty()
                        ? "The record does not exist any more: it was removed meanwhile"
                        : "The record changed since you read it (its ETag is now " + now
                                + "): read it again, and apply your change to what it now says",
                now);
    }

    /** The revision a write expects from {@code If-Match}, when it names exactly one. */
    public static Optional<Long> expected(String ifMatch) {
        if (ifMatch == null || !ifMatch.strip().matches("\"\\d{1,18}\"")) {
            return Optional.empty();
        }
        String t = ifMatch.strip();
        return Optional.of(Long.parseLong(t.substring(1, t.length() - 1)));
    }
}
