package io.salespulse.coaching.signals;

import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.signal.SignalType;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a manager could do, in a coach's voice: ask about obstacles before numbers, recognise effort and wins.
 * French and English; {@code %s} is the rep's name.
 */
final class SuggestedActions {

    private static final Map<SignalType, String[]> TEXTS = new EnumMap<>(SignalType.class);

    static {
        TEXTS.put(SignalType.ACTIVITY_DROP, new String[] {
                "Prenez 15 minutes avec %s : qu'est-ce qui freine son activité en ce moment ? Écoutez d'abord, les chiffres viendront ensuite.",
                "Take 15 minutes with %s: what is getting in the way of their activity right now? Listen first; the numbers can wait."});
        TEXTS.put(SignalType.SILENCE, new String[] {
                "Aucune activité de %s depuis quelques jours ouvrés : prenez simplement de ses nouvelles, sans reproche.",
                "No activity from %s for a few working days: simply check in on them, without blame."});
        TEXTS.put(SignalType.CONNECT_RATE_DROP, new String[] {
                "Le taux de décroché de %s baisse : écoutez ensemble deux ou trois appels et cherchez ce qui a changé (créneaux, fichier, accroche).",
                "%s's connect rate is falling: listen to two or three calls together and look for what changed (time slots, list, opening)."});
        TEXTS.put(SignalType.STALLED_DEAL, new String[] {
                "Une affaire de %s stagne dans son étape : quel est le prochain pas concret, et qui doit le faire ?",
                "One of %s's deals is stuck in its stage: what is the next concrete step, and who owns it?"});
        TEXTS.put(SignalType.DEAL_GONE_QUIET, new String[] {
                "Plus d'échange sur une affaire de %s depuis deux semaines : qu'attend le client, et comment relancer avec de la valeur ?",
                "A deal of %s has gone quiet for two weeks: what is the customer waiting for, and how can we re-engage with value?"});
        TEXTS.put(SignalType.CLOSE_DATE_SLIPPING, new String[] {
                "La date de signature d'une affaire de %s glisse encore : qu'est-ce qui bloque vraiment côté client ?",
                "The close date of a deal of %s keeps slipping: what is really blocking on the customer's side?"});
        TEXTS.put(SignalType.OBJECTIVE_AT_RISK, new String[] {
                "L'objectif de %s est en retard sur le rythme : quels obstacles lever ensemble, et que prioriser d'ici la fin de période ?",
                "%s's objective is behind pace: which obstacles can you remove together, and what should come first until the period ends?"});
        TEXTS.put(SignalType.LOW_COVERAGE, new String[] {
                "Le pipeline de %s couvre mal l'objectif restant : où trouver les prochaines opportunités ?",
                "%s's pipeline does not cover what is left of the objective: where will the next opportunities come from?"});
        TEXTS.put(SignalType.OBJECTIVE_ACHIEVED, new String[] {
                "Bravo à %s, un cap de l'objectif est franchi ! Dites-le, et demandez ce qui a le mieux marché.",
                "Well done %s, an objective milestone is reached! Say so, and ask what worked best."});
        TEXTS.put(SignalType.BIG_WIN, new String[] {
                "Belle signature de %s ! Reconnaissez-la devant l'équipe et faites partager comment elle a été gagnée.",
                "A big win for %s! Recognise it in front of the team and have them share how it was won."});
        TEXTS.put(SignalType.PERSONAL_BEST, new String[] {
                "Meilleure semaine de %s depuis trois mois : soulignez l'effort.",
                "%s's best week in three months: recognise the effort."});
        TEXTS.put(SignalType.BACK_ON_TRACK, new String[] {
                "%s a retrouvé son rythme : dites-lui que vous l'avez remarqué.",
                "%s is back on track: tell them you noticed."});
    }

    private SuggestedActions() {
    }

    static Map<Language, String> of(SignalType type, String repName) {
        String[] texts = TEXTS.get(type);
        String name = repName == null ? "" : repName;
        return Map.of(Language.fr, texts[0].formatted(name), Language.en, texts[1].formatted(name));
    }
}
