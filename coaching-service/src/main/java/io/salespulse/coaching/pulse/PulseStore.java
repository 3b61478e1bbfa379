package io.salespulse.coaching.pulse;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.salespulse.kit.security.LinkKeys;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The team pulse's invitations (each link's key kept as its SHA-256 only) and answers. An answer keeps its rep so that
 * the rep can read its own answers back; nothing here ever gives a manager a rep's answer ({@link #weeksOf}: a week's
 * figures only from three answers, its comments only from three comments, never with their authors).
 */
@Component
public class PulseStore {

    /** An invitation: one per rep and week. */
    @Document("pulse_invites")
    record Invite(
            @Id String inviteId,
            String keyHash,
            String repId,
            String teamId,
            String week,
            Instant expiresAt,
            Instant usedAt) {}

    /** An answer, under its invitation's id (so at most one). */
    @Document("pulse_answers")
    record Answer(
            @Id String inviteId,
            String teamId,
            String week,
            String repId,
            int score,
            String comment,
            Instant answeredAt) {}

    /**
     * A team's week as its managers read it.
     *
     * @param week         its Monday
     * @param invited      reps asked
     * @param answers      answers received
     * @param average      the mean score (1-5, two decimals); null under {@link #MIN_ANSWERS} answers
     * @param distribution how many answered 1, 2, 3, 4 and 5; null under {@link #MIN_ANSWERS} answers
     * @param comments     the comments, in alphabetical order (never in the order they came, never by whom); empty
     *                     under {@link #MIN_ANSWERS} comments
     */
    public record PulseWeek(
            LocalDate week,
            long invited,
            long answers,
            java.math.BigDecimal average,
            List<Long> distribution,
            List<String> comments) {}

    /** The rep's own answer of a week. */
    public record OwnAnswer(LocalDate week, int score, String comment, Instant answeredAt) {}

    /** Answers (and comments) a week needs before anything of it is shown: no answer can be told apart. */
    public static final int MIN_ANSWERS = 3;

    private final MongoTemplate mongo;

    PulseStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(Invite.class)
                .createIndex(new Index()
                        .on("repId", Sort.Direction.ASC)
                        .on("week", Sort.Direction.ASC)
                        .unique()
                        .named("rep_week"));
        mongo.indexOps(Invite.class)
                .createIndex(new Index().on("teamId", Sort.Direction.ASC).on("week", Sort.Direction.ASC));
        mongo.indexOps(Answer.class)
                .createIndex(new Index().on("teamId", Sort.Direction.ASC).on("week", Sort.Direction.ASC));
        mongo.indexOps(Answer.class)
                .createIndex(new Index().on("repId", Sort.Direction.ASC).on("week", Sort.Direction.ASC));
    }

    /** Records an invitation; false if the rep was already asked about that week (by this instance or another). */
    boolean invite(String inviteId, String key, String repId, String teamId, LocalDate week, Instant expiresAt) {
        try {
            mongo.insert(new Invite(inviteId, LinkKeys.hash(key), repId, teamId, week.toString(), expiresAt, null));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Forgets an invitation whose link could not be sent (the next pass asks again). */
    void withdraw(String inviteId) {
        mongo.remove(query(where("_id").is(inviteId)), Invite.class);
    }

    /** The invitation this link opens: its id and key must match (compared on their hashes, in constant time). */
    Optional<Invite> open(String inviteId, String key) {
        if (inviteId == null) {
            return Optional.empty();
        }
        Invite invite = mongo.findById(inviteId, Invite.class);
        if (invite == null || !LinkKeys.matches(key, invite.keyHash())) {
            return Optional.empty();
        }
        return Optional.of(invite);
    }

    /** Records the answer of an invitation, once: false if it was answered already (this or a racing request). */
    boolean answer(Invite invite, int score, String comment, Instant at) {
        if (mongo.updateFirst(
                                query(where("_id")
                                        .is(invite.inviteId())
                                        .and("usedAt")
                                        .is(null)),
                                new Update().set("usedAt", at),
                                Invite.class)
                        .getModifiedCount()
                == 0) {
            return false;
        }
        mongo.save(new Answer(invite.inviteId(), invite.teamId(), invite.week(), invite.repId(), score, comment, at));
        return true;
    }

    /** A team's last {@code weeks} weeks up to {@code lastMonday}, the latest first. */
    public List<PulseWeek> weeksOf(String teamId, LocalDate lastMonday, int weeks) {
        String from = lastMonday.minusWeeks(weeks - 1L).toString();
        Map<String, long[]> invited = new TreeMap<>();
        for (Invite invite : mongo.find(
                query(where("teamId").is(teamId).and("week").gte(from).lte(lastMonday.toString())), Invite.class)) {
            invited.computeIfAbsent(invite.week(), w -> new long[1])[0]++;
        }
        Map<String, List<Answer>> answers = new TreeMap<>();
        for (Answer answer : mongo.find(
                query(where("teamId").is(teamId).and("week").gte(from).lte(lastMonday.toString())), Answer.class)) {
            answers.computeIfAbsent(answer.week(), w -> new ArrayList<>()).add(answer);
        }
        List<PulseWeek> result = new ArrayList<>();
        for (int w = 0; w < weeks; w++) {
            String week = lastMonday.minusWeeks(w).toString();
            List<Answer> of = answers.getOrDefault(week, List.of());
            long asked = invited.containsKey(week) ? invited.get(week)[0] : 0;
            if (asked == 0 && of.isEmpty()) {
                continue;
            }
            result.add(week(LocalDate.parse(week), asked, of));
        }
        return result;
    }

    static PulseWeek week(LocalDate week, long invited, List<Answer> answers) {
        if (answers.size() < MIN_ANSWERS) {
            return new PulseWeek(week, invited, answers.size(), null, null, List.of());
        }
        long[] counts = new long[5];
        long sum = 0;
        for (Answer answer : answers) {
            counts[answer.score() - 1]++;
            sum += answer.score();
        }
        List<String> comments = answers.stream()
                .map(Answer::comment)
                .filter(comment -> comment != null && !comment.isBlank())
                .sorted(Comparator.naturalOrder())
                .toList();
        return new PulseWeek(
                week,
                invited,
                answers.size(),
                java.math.BigDecimal.valueOf(sum)
                        .divide(java.math.BigDecimal.valueOf(answers.size()), 2, java.math.RoundingMode.HALF_UP),
                java.util.Arrays.stream(counts).boxed().toList(),
                comments.size() < MIN_ANSWERS ? List.of() : comments);
    }

    /** A rep's own answers, the latest first. */
    public List<OwnAnswer> ofRep(String repId, int limit) {
        return mongo
                .find(
                        query(where("repId").is(repId))
                                .with(Sort.by(Sort.Direction.DESC, "week"))
                                .limit(limit),
                        Answer.class)
                .stream()
                .map(a -> new OwnAnswer(LocalDate.parse(a.week()), a.score(), a.comment(), a.answeredAt()))
                .toList();
    }
}
