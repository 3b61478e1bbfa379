package io.salespulse.contracts.texts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class FrenchTest {

    @Test
    void deAndQueAreElidedBeforeAVowel() {
        assertThat(French.elide("Record personnel de Inès Moreau")).isEqualTo("Record personnel d'Inès Moreau");
        assertThat(French.elide("Page de Olivia Chen")).isEqualTo("Page d'Olivia Chen");
        assertThat(French.elide("De Éric, plus que Anne")).isEqualTo("D'Éric, plus qu'Anne");
        assertThat(French.elide("Baisse d'activité de Léa Martin")).isEqualTo("Baisse d'activité de Léa Martin");
    }

    @Test
    void whatIsNotAWholeDeOrQueBeforeAVowelStaysAsItIs() {
        assertThat(French.elide("Record personnel de Hugo Bernard")).isEqualTo("Record personnel de Hugo Bernard");
        assertThat(French.elide("Page de Yann")).isEqualTo("Page de Yann");
        assertThat(French.elide("plus de onze appels")).isEqualTo("plus de onze appels");
        assertThat(French.elide("Monde entier, Vende Inès")).isEqualTo("Monde entier, Vende Inès");
        assertThat(French.elide("jusqu'à la fin de « Appels »")).isEqualTo("jusqu'à la fin de « Appels »");
        assertThat(French.elide("porte-de Ivry")).isEqualTo("porte-de Ivry");
        assertThat(French.elide(null)).isNull();
    }

    @Test
    void anAbbreviationsPointEndsTheSentence() {
        assertThat(French.points("Appels, du lun. 7 déc. au dim. 13 déc.. Les ex æquo"))
                .isEqualTo("Appels, du lun. 7 déc. au dim. 13 déc. Les ex æquo");
        assertThat(French.points("Et ensuite...")).isEqualTo("Et ensuite...");
    }

    @Test
    void onlyFrenchTextsAreElided() {
        assertThat(French.in(Locale.FRENCH, "Page de Inès")).isEqualTo("Page d'Inès");
        assertThat(French.in(Locale.CANADA_FRENCH, "Page de Inès")).isEqualTo("Page d'Inès");
        assertThat(French.in(Locale.ENGLISH, "Page de Inès")).isEqualTo("Page de Inès");
    }
}
