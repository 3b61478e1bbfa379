package io.salespulse.kit.web;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
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
    public record Position(Object value, String id) {}

    /** Reads {@code limit} and {@code cursor}; a bad one is a 400 naming it. */
    public static Paging of(Integer limit, String cursor) {
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new Paging(
                limit == null ? DEFAULT_LIMIT : limit, cursor == null || cursor.isBlank() ? null : decode(cursor));
    }

    /**
     * One page of the stored records a filter matches, newest first by the time {@code field} (then by id,
     * descending), as the endpoint's answer: the views of the page, with a next link when more follow.
     *
     * @param filter what to list (null: everything)
     * @param at     the record's value of {@code field}
     * @param id the record's id
     */
    public <E, T> ResponseEntity<List<T>> newestFirst(
            MongoOperations mongo,
            String collection,
            Criteria filter,
            Class<E> type,
            String field,
            Function<E, Instant> at,
            Function<E, String> id,
            Function<E, T> view) {
        return byTime(mongo, collection, filter, type, field, Sort.Direction.DESC, at, id, view);
    }

    /**
     * One page of the stored records a filter matches, oldest first by the time {@code field} (then by id), as the
     * endpoint's answer: the views of the page, with a next link when more follow. Records without the field come
     * first.
     */
    public <E, T> ResponseEntity<List<T>> oldestFirst(
            MongoOperations mongo,
            String collection,
            Criteria filter,
            Class<E> type,
            String field,
            Function<E, Instant> at,
            Function<E, String> id,
            Function<E, T> view) {
        return byTime(mongo, collection, filter, type, field, Sort.Direction.ASC, at, id, view);
    }

    private <E, T> ResponseEntity<List<T>> byTime(
            MongoOperations mongo,
            String collection,
            Criteria filter,
            Class<E> type,
            String field,
            Sort.Direction direction,
            Function<E, Instant> at,
            Function<E, String> id,
            Function<E, T> view) {
        Query page = filter == null ? new Query() : new Query(filter);
        if (after != null) {
            boolean descending = direction == Sort.Direction.DESC;
            Criteria sameTimeFurther = descending
                    ? where(field).is(after.value()).and("_id").lt(after.id())
                    : where(field).is(after.value()).and("_id").gt(after.id());
            Criteria further;
            if (after.value() == null) {
                // Records without the field sort first: descending they end the walk; ascending every record with
                // one comes after them.
                further = descending
                        ? sameTimeFurther
                        : new Criteria().orOperator(where(field).ne(null), sameTimeFurther);
            } else {
                further = new Criteria()
                        .orOperator(
                                descending
                                        ? where(field).lt(after.value())
                                        : where(field).gt(after.value()),
                                sameTimeFurther);
            }
            page.addCriteria(further);
        }
        page.with(Sort.by(direction, field, "_id"));
        return answer(
                mongo.find(page.limit(limit + 1), type, collection),
                record -> {
                    Instant value = at.apply(record);
                    return new Position(value == null ? null : Date.from(value), id.apply(record));
                },
                view);
    }

    /** One page in id order (for lists with no better order, such as a team's reps). */
    public <E, T> ResponseEntity<List<T>> byId(
            MongoOperations mongo,
            String collection,
            Criteria filter,
            Class<E> type,
            Function<E, String> id,
            Function<E, T> view) {
        Query page = filter == null ? new Query() : new Query(filter);
        if (after != null) {
            page.addCriteria(where("_id").gt(after.id()));
        }
        page.with(Sort.by(Sort.Direction.ASC, "_id"));
        return answer(
                mongo.find(page.limit(limit + 1), type, collection),
                record -> new Position(null, id.apply(record)),
                view);
    }

    private <E, T> ResponseEntity<List<T>> answer(List<E> found, Function<E, Position> position, Function<E, T> view) {
        boolean more = found.size() > limit;
        List<E> page = more ? found.subList(0, limit) : found;
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (more) {
            String next = ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("limit", limit)
                    .replaceQueryParam("cursor", encode(position.apply(page.get(page.size() - 1))))
                    .build()
                    .toUriString();
            answer.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return answer.body(page.stream().map(view).toList());
    }

    static String encode(Position position) {
        Object value = position.value();
        String typed = value == null
                ? "-"
                : value instanceof Date date
                        ? "d" + date.getTime()
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
            throw new InvalidRequestException(
                    "cursor", "is not a cursor this API gave (take it from the Link header's next URL)");
        }
    }
}
