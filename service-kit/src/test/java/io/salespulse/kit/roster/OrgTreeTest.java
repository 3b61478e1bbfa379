package io.salespulse.kit.roster;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.org.UnitChanged;
import io.salespulse.kit.security.Caller;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrgTreeTest {

    private static final Instant T0 = Instant.parse("2026-10-01T08:00:00Z");

    private static UnitChanged unit(String id, String parent, Instant at, String... teams) {
        return new UnitChanged(id, id, parent, List.of(), List.of(teams), "EUR", Language.en, "UTC", at);
    }

    private final OrgTree tree = new OrgTree(List.of(
            unit("company", null, T0),
            unit("europe", "company", T0),
            unit("france", "europe", T0, "paris", "lyon"),
            unit("americas", "company", T0, "new-york"),
            // Lyon claimed later by Rhône: it sits there now.
            unit("rhone", "france", T0.plusSeconds(60), "lyon")));

    @Test
    void walksUpAndDown() {
        assertThat(tree.path("rhone")).containsExactly("rhone", "france", "europe", "company");
        assertThat(tree.depth("rhone")).isEqualTo(4);
        assertThat(tree.pathOfTeam("lyon")).containsExactly("rhone", "france", "europe", "company");
        assertThat(tree.teamsOf("france")).containsExactly("paris");
        assertThat(tree.teamsUnder("europe")).containsExactly("lyon", "paris");
        assertThat(tree.teamsUnder("company")).containsExactly("lyon", "new-york", "paris");
        assertThat(tree.subtree("europe")).containsExactly("europe", "france", "rhone");
        assertThat(tree.children("company")).containsExactly("americas", "europe");
        assertThat(tree.roots()).containsExactly("company");
        assertThat(tree.path("nowhere")).isEmpty();
    }

    @Test
    void aDirectorReadsTheSubtreeOfItsUnitsOnly() {
        Caller europe = new Caller("sophie", Set.of(Caller.DIRECTOR), Set.of(), Set.of("europe"));
        assertThat(europe.mayRead("lyon", tree)).isTrue();
        assertThat(europe.mayRead("new-york", tree)).isFalse();
        assertThat(europe.mayRead("lyon"))
                .as("without the tree, as a manager would")
                .isFalse();
        assertThat(europe.mayReadUnit("rhone", tree)).isTrue();
        assertThat(europe.mayReadUnit("americas", tree)).isFalse();
        assertThat(europe.mayReadUnit("company", tree)).isFalse();
        assertThat(europe.readableTeams(tree)).containsExactly("lyon", "paris");
        assertThat(europe.mayWrite("lyon")).isFalse();
        // The claim without the role reads nothing.
        Caller claimOnly = new Caller("x", Set.of(Caller.MANAGER), Set.of(), Set.of("europe"));
        assertThat(claimOnly.mayRead("lyon", tree)).isFalse();
    }

    @Test
    void aLoopNeverHangsAWalk() {
        OrgTree loop = new OrgTree(List.of(unit("a", "b", T0, "t"), unit("b", "a", T0)));
        assertThat(loop.path("a")).containsExactly("a", "b");
        assertThat(loop.pathOfTeam("t")).containsExactly("a", "b");
        assertThat(loop.subtree("a")).containsExactly("a", "b");
    }
}
