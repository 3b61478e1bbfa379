package io.salespulse.kit.web;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Keyset paging for list endpoints: {@code ?limit=} (default {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT})
 * and {@code ?cursor=}, the opaque position after the last item of the previous page. The body stays the list itself;
 * when more follow, a {@code Link: <...>; rel="next"} header gives the next page's URL (RFC 8288). Items are ordered
 * by a field and then by id, and a page starts strictly after the cursor's item, so paging returns every item exactly
 * once even while items are added (an item added before the cursor's position is on no page of this walk).
 *
 * @param limit the page's size
 * @param after the position of the last item already read, or {@code null} for the first page
 */
public record Paging(int limit, Position after) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    /** An item's place in the order: its sort field's value (a date, a number or a text, or none) and its id. */
    public record Position(Object value, String id) {
    }

    /** Reads {@code limit} and {@code cursor}; a bad one is a 400 naming it. */
    public static Paging of(Integer limit, String cursor) {
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new Paging(limit == null ? DEFAULT_LIMIT : limit, cursor == null || cursor.isBlank() ? null : decode(cursor));
    }

    /**
     * One page of a collection's documents matching a filter, newest first by {@code field} (then by id, descending),
     * as the endpoint's answer: the views of the page, with a next link when more follow.
     */
    public <T> ResponseEntity<List<T>> newestFirst(MongoCollection<Document> collection, Bson filter, String field,
                                                   Function<Document, T> view) {
        Bson page = filter;
        if (after != null) {
            page = Filters.and(filter, Filters.or(Filters.lt(field, after.value()),
                    Filters.and(Filters.eq(field, after.value()), Filters.lt("_id", after.id()))));
        }
        return answer(collection.find(page).sort(Sorts.descending(field, "_id")), field, view);
    }

    /** One page in id order (for lists with no better order, such as a team's reps). */
    public <T> ResponseEntity<List<T>> byId(MongoCollection<Document> collection, Bson filter, Function<Document, T> view) {
        Bson page = after == null ? filter : Filters.and(filter, Filters.gt("_id", after.id()));
        return answer(collection.find(page).sort(Sorts.ascending("_id")), null, view);
    }

    private <T> ResponseEntity<List<T>> answer(FindIterable<Document> found, String field, Function<Document, T> view) {
        List<Document> docs = found.limit(limit + 1).into(new ArrayList<>());
        boolean more = docs.size() > limit;
        List<Document> page = more ? docs.subList(0, limit) : docs;
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (more) {
            Document last = page.get(page.size() - 1);
            String next = ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("limit", limit)
                    .replaceQueryParam("cursor", encode(new Position(field == null ? null : last.get(field), String.valueOf(last.get("_id")))))
                    .build().toUriString();
            answer.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return answer.body(page.stream().map(view).toList());
    }

    static String encode(Position position) {
        Object value = position.value();
        String typed = value == null ? "-" : value instanceof Date date ? "d" + date.getTime()
                : value instanceof Number number ? "n" + number.longValue() : "s" + value;
        String text = typed + "\n" + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(String cursor) {
        try {
            if (cursor.length() > 2048) {
                throw new IllegalArgumentException("too long");
            }
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int newline = text.lastIndexOf('\n');
            if (newline < 1) {
                throw new IllegalArgumentException("no id");
            }
            String typed = text.substring(0, newline);
            String id = text.substring(newline + 1);
            Object value = switch (typed.charAt(0)) {
                case '-' -> null;
                case 'd' -> new Date(Long.parseLong(typed.substring(1)));
                case 'n' -> Long.parseLong(typed.substring(1));
                case 's' -> typed.substring(1);
                default -> throw new IllegalArgumentException("unknown type");
            };
            return new Position(value, id);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("cursor", "is not a cursor this API gave (take it from the Link header's next URL)");
        }
    }
}
