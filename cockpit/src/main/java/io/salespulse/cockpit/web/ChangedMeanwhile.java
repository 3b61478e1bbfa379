package io.salespulse.cockpit.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A form saved over a record someone changed since the form was filled (the service answered {@code 412}): nothing was
 * written, and the page shows the user's values beside those saved meanwhile, field by field, in people's words
 * (the {@code changed :: notice} fragment); the form keeps the user's values and now carries the record's current
 * revision, so saving again writes over what they have seen.
 */
final class ChangedMeanwhile {

    /** A field set otherwise than what was saved meanwhile: its label, the user's value, the saved one. */
    record Change(String label, String yours, String saved) {}

    private ChangedMeanwhile() {}

    /**
     * The fields (in the order of {@code yours}) whose values differ.
     *
     * @param label the field's label
     * @param shown a field's value as people read it (empty values are shown as a dash)
     */
    static List<Change> between(
            Map<String, String> yours,
            Map<String, String> saved,
            Function<String, String> label,
            BiFunction<String, String, String> shown) {
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, String> field : yours.entrySet()) {
            String mine = field.getValue() == null ? "" : field.getValue().strip();
            String theirs = saved.getOrDefault(field.getKey(), "");
            theirs = theirs == null ? "" : theirs.strip();
            if (!mine.equals(theirs)) {
                changes.add(new Change(
                        label.apply(field.getKey()),
                        show(field.getKey(), mine, shown),
                        show(field.getKey(), theirs, shown)));
            }
        }
        return changes;
    }

    private static String show(String field, String value, BiFunction<String, String, String> shown) {
        return value.isEmpty() ? "—" : shown.apply(field, value);
    }

    /** The revision a form carried back, if it is one. */
    static Long revision(String typed) {
        return typed != null && typed.matches("\\d{1,18}") ? Long.valueOf(typed) : null;
    }
}
