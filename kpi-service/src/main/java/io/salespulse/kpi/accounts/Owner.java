package io.salespulse.kpi.accounts;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Whose customers a figure is about: a team's (its CSMs' then, each fact under the team it happened in) or one CSM's.
 * The one place that says which stored documents and which contract facts are theirs.
 *
 * @param field the field that names the owner on every stored document and fact: {@code teamId} or {@code csmRepId}
 * @param id    the team or the CSM
 */
public record Owner(String field, String id) {

    /** A team's customers. */
    public static Owner team(String teamId) {
        return new Owner("teamId", teamId);
    }

    /** One CSM's customers. */
    public static Owner csm(String repId) {
        return new Owner("csmRepId", repId);
    }

    /** Whether a contract fact happened under this owner. */
    public boolean owns(RetentionMath.Fact fact) {
        return id.equals("teamId".equals(field) ? fact.teamId() : fact.csmRepId());
    }

    /** A fresh criteria on this owner's documents (a {@link Criteria} is changed by what is chained onto it). */
    Criteria criteria() {
        return where(field).is(id);
    }
}
