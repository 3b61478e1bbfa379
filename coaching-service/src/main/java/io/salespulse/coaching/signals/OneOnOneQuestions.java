package io.salespulse.coaching.signals;

import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.signal.SignalType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Open questions for the 1:1, per weak signal: obstacles before numbers. French and English. */
final class OneOnOneQuestions {

    private static final Map<SignalType, List<String>> FR = new EnumMap<>(SignalType.class);
    private static final Map<SignalType, List<String>> EN = new EnumMap<>(SignalType.class);

    static {
        put(SignalType.ACTIVITY_DROP,
                List.of("Comment se passent tes journées en ce moment ?", "Qu'est-ce qui te prend du temps sans faire avancer tes ventes ?",
                        "De quoi aurais-tu besoin pour retrouver ton rythme ?"),
                List.of("How are your days going at the moment?", "What takes your time without moving your deals forward?",
                        "What would help you get back to your rhythm?"));
        put(SignalType.SILENCE,
                List.of("Comment vas-tu ?", "Y a-t-il quelque chose qui te bloque ou te pèse ?"),
                List.of("How are you doing?", "Is anything blocking you or weighing on you?"));
        put(SignalType.CONNECT_RATE_DROP,
                List.of("Qu'est-ce qui a changé dans tes appels (horaires, fichier, accroche) ?", "Veux-tu qu'on écoute un appel ensemble ?"),
                List.of("What changed in your calls (times, list, opening)?", "Shall we listen to a call together?"));
        put(SignalType.STALLED_DEAL,
                List.of("Qu'attend le client pour passer à l'étape suivante ?", "Qui d'autre faut-il impliquer ?"),
                List.of("What is the customer waiting for to move to the next step?", "Who else should be involved?"));
        put(SignalType.DEAL_GONE_QUIET,
                List.of("Quand as-tu eu le client pour la dernière fois, et qu'a-t-il dit ?", "Quelle relance apporterait de la valeur ?"),
                List.of("When did you last speak to the customer, and what did they say?", "What follow-up would bring value?"));
        put(SignalType.CLOSE_DATE_SLIPPING,
                List.of("Qu'est-ce qui fait glisser la date ?", "La date actuelle est-elle réaliste pour le client ?"),
                List.of("What keeps moving the date?", "Is the current date realistic for the customer?"));
        put(SignalType.OBJECTIVE_AT_RISK,
                List.of("Qu'est-ce qui freine l'avancement vers l'objectif ?", "Sur quoi te concentrer d'ici la fin de la période ?",
                        "Comment puis-je t'aider ?"),
                List.of("What is slowing progress towards the objective?", "What should you focus on until the period ends?",
                        "How can I help?"));
        put(SignalType.LOW_COVERAGE,
                List.of("Où trouver les prochaines opportunités ?", "Quels comptes relancer cette semaine ?"),
                List.of("Where will the next opportunities come from?", "Which accounts to reach out to this week?"));
    }

    private OneOnOneQuestions() {
    }

    private static void put(SignalType type, List<String> fr, List<String> en) {
        FR.put(type, fr);
        EN.put(type, en);
    }

    static Map<Language, List<String>> of(SignalType type) {
        return Map.of(Language.fr, FR.getOrDefault(type, List.of()), Language.en, EN.getOrDefault(type, List.of()));
    }
}
