package io.salespulse.cockpit.web;

import io.salespulse.cockpit.services.KpiClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A day-by-day line chart as the page hands it to Chart.js: the days, and the series as JSON in a data attribute
 * (the Content-Security-Policy allows no inline script). {@code js/charts.js} draws every {@code canvas.daily-chart}.
 */
record DailyChart(List<String> days, String series) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One line per rep of a team, for one measure of the activity figures. */
    static DailyChart ofTeam(KpiClient.TeamDaily teamDaily, Map<String, String> names, String measure) {
        List<String> days = new ArrayList<>();
        List<Map<String, Object>> series = new ArrayList<>();
        for (KpiClient.RepSeries rep : teamDaily.reps()) {
            List<Long> values = new ArrayList<>();
            boolean first = days.isEmpty();
            for (KpiClient.DailyRow row : rep.days()) {
                if (first) {
                    days.add(String.valueOf(row.day()));
                }
                values.add(count(row, measure));
            }
            series.add(line(names.getOrDefault(rep.repId(), rep.repId()), values));
        }
        series.sort(java.util.Comparator.comparing(line -> (String) line.get("label")));
        return new DailyChart(days, JSON.writeValueAsString(series));
    }

    /** One line per measure of one rep: {@code measures} maps each activity figure's name to its label. */
    static DailyChart ofRep(List<KpiClient.DailyRow> rows, Map<String, String> measures) {
        List<String> days = new ArrayList<>();
        Map<String, List<Long>> values = new LinkedHashMap<>();
        measures.keySet().forEach(measure -> values.put(measure, new ArrayList<>()));
        for (KpiClient.DailyRow row : rows) {
            days.add(String.valueOf(row.day()));
            values.forEach((measure, list) -> list.add(count(row, measure)));
        }
        List<Map<String, Object>> series = new ArrayList<>();
        values.forEach((measure, list) -> series.add(line(measures.get(measure), list)));
        return new DailyChart(days, JSON.writeValueAsString(series));
    }

    private static long count(KpiClient.DailyRow row, String measure) {
        return row.activity() == null ? 0 : row.activity().count(measure);
    }

    private static Map<String, Object> line(String label, List<Long> values) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("label", label);
        line.put("data", values);
        return line;
    }
}
