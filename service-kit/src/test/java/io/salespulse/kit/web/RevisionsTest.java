package io.salespulse.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RevisionsTest {

    @Test
    void ifMatchHoldsOnlyForTheCurrentRevision() {
        assertThat(Revisions.etag(3)).isEqualTo("\"3\"");
        assertThatCode(() -> Revisions.check(null, Optional.of(3L))).doesNotThrowAnyException();
        assertThatCode(() -> Revisions.check("", Optional.empty())).doesNotThrowAnyException();
        assertThatCode(() -> Revisions.check("\"3\"", Optional.of(3L))).doesNotThrowAnyException();
        assertThatCode(() -> Revisions.check("\"1\", \"3\"", Optional.of(3L))).doesNotThrowAnyException();
        assertThatCode(() -> Revisions.check("*", Optional.of(0L))).doesNotThrowAnyException();
        assertThatThrownBy(() -> Revisions.check("\"2\"", Optional.of(3L)))
                .isInstanceOfSatisfying(
                        PreconditionFailedException.class,
                        e -> assertThat(e.currentEtag()).isEqualTo("\"3\""));
        assertThatThrownBy(() -> Revisions.check("\"0\"", Optional.empty()))
                .isInstanceOfSatisfying(
                        PreconditionFailedException.class,
                        e -> assertThat(e.currentEtag()).isNull());
        assertThatThrownBy(() -> Revisions.check("*", Optional.empty()))
                .isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> Revisions.check("3", Optional.of(3L)))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("If-Match"));
        assertThatThrownBy(() -> Revisions.check("\"" + "9".repeat(300) + "\"", Optional.of(3L)))
                .isInstanceOf(InvalidRequestException.class);
    }
}
