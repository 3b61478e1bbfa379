package io.salespulse.contracts.texts;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * French typography in formatted texts: elision, where a pattern cannot know the word that follows it: "de {0}" with Inès is
 * "d'Inès", "que {0}" with Olivia is "qu'Olivia". Only "de" and "que" as whole words, only before a vowel (with or
 * without accent) or a mute h is never guessed: "de Hugo" and "de Yann" stay as they are, as does "de onze". And an
 * abbreviation's point ends the sentence it closes: "au dim. 13 déc.." is "au dim. 13 déc.".
 */
public final class French {

    private static final Pattern ELIDABLE =
            Pattern.compile("(?<![\\p{L}'’-])([Dd]e|[Qq]ue) (?=[AEIOUÀÂÆÉÈÊËÎÏÔŒÙÛÜaeiouàâæéèêëîïôœùûü])(?!onze\\b)");

    private static final Pattern DOUBLE_POINT = Pattern.compile("(?<=\\p{L})\\.\\.(?!\\.)");

    private French() {}

    /** Whether a locale's texts are French. */
    public static boolean is(Locale locale) {
        return locale != null && Locale.FRENCH.getLanguage().equals(locale.getLanguage());
    }

    /** The text with "de" and "que" elided before a vowel ("d'Inès Moreau", "qu'il"); other texts unchanged. */
    public static String elide(String text) {
        if (text == null || text.indexOf(' ') < 0) {
            return text;
        }
        Matcher matcher = ELIDABLE.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder elided = new StringBuilder(text.length());
        do {
            String word = matcher.group(1);
            matcher.appendReplacement(elided, Matcher.quoteReplacement(word.substring(0, word.length() - 1) + "'"));
        } while (matcher.find());
        matcher.appendTail(elided);
        return elided.toString();
    }

    /** The text with an abbreviation's point and the sentence's final point as one ("déc.." is "déc."). */
    public static String points(String text) {
        return text == null || !text.contains("..")
                ? text
                : DOUBLE_POINT.matcher(text).replaceAll(".");
    }

    /** A text in a locale: elided and its points merged when French ({@link #elide}, {@link #points}), as it is otherwise. */
    public static String in(Locale locale, String text) {
        return is(locale) ? points(elide(text)) : text;
    }
}
