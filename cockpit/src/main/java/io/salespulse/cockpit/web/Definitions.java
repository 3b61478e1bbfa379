package io.salespulse.cockpit.web;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What each figure and status of the cockpit means, in the reader's language (the same definitions as
 * docs/kpis-and-signals.md): every heading over figures links to its term here ({@code layout :: define(term)}).
 */
@Controller
class Definitions {

    /** The terms, in the order the page lists them; each has {@code definition.<term>.title} and {@code .text}. */
    static final List<String> TERMS = List.of(
            "activity",
            "comparison",
            "objectives",
            "upcoming-objectives",
            "signals",
            "recognitions",
            "care",
            "open-pipeline",
            "deals",
            "coverage",
            "pipeline-changes",
            "forecast",
            "forecast-accuracy",
            "unit-rollup",
            "funnel",
            "sdr-sourced",
            "lost-reasons",
            "leaderboard");

    @GetMapping("/definitions")
    String definitions(Model model) {
        model.addAttribute("terms", TERMS);
        return "definitions";
    }
}
