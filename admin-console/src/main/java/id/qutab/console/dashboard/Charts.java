package id.qutab.console.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The specs console.js hands to Chart.js ({@code <canvas data-chart="...">}), built from the reports' JSON here in
 * Java with Jackson: the template only prints the string, which Qute escapes into the attribute, so nothing the
 * API returns (a product name) can break out of it.
 */
final class Charts {

    private final ObjectMapper mapper;
    private final DashboardTexts texts;

    Charts(ObjectMapper mapper, DashboardTexts texts) {
        this.mapper = mapper;
        this.texts = texts;
    }

    /** Net paid revenue per period, one stacked bar per period split by category. */
    String revenue(Map<String, Object> sales) {
        List<Map<String, Object>> periods = list(sales.get("periods"));
        List<Object> labels = new ArrayList<>();
        List<Object> sapi = new ArrayList<>();
        List<Object> kambing = new ArrayList<>();
        List<Object> domba = new ArrayList<>();
        for (Map<String, Object> p : periods) {
            labels.add(p.get("start"));
            Map<String, Object> byCategory = map(p.get("byCategory"));
            sapi.add(number(byCategory.get("sapi")));
            kambing.add(number(byCategory.get("kambing")));
            domba.add(number(byCategory.get("domba")));
        }
        Map<String, Object> stacked = Map.of("scales", Map.of("x", Map.of("stacked", true), "y", Map.of("stacked", true)));
        return json("bar", labels, List.of(dataset(texts.cat_sapi(), sapi), dataset(texts.cat_kambing(), kambing),
                dataset(texts.cat_domba(), domba)), stacked);
    }

    /** Orders placed against orders paid, per period. */
    String orders(Map<String, Object> sales) {
        List<Object> labels = new ArrayList<>();
        List<Object> placed = new ArrayList<>();
        List<Object> paid = new ArrayList<>();
        for (Map<String, Object> p : list(sales.get("periods"))) {
            labels.add(p.get("start"));
            placed.add(number(p.get("ordersPlaced")));
            paid.add(number(p.get("ordersPaid")));
        }
        return json("line", labels, List.of(dataset(texts.orders_placed(), placed), dataset(texts.orders_paid(), paid)),
                null);
    }

    /** Affiliate clicks, unique clicks and conversions per day. */
    String affiliates(Map<String, Object> report) {
        List<Object> labels = new ArrayList<>();
        List<Object> clicks = new ArrayList<>();
        List<Object> unique = new ArrayList<>();
        List<Object> conversions = new ArrayList<>();
        for (Map<String, Object> p : list(report.get("periods"))) {
            labels.add(p.get("date"));
            clicks.add(number(p.get("clicks")));
            unique.add(number(p.get("uniqueClicks")));
            conversions.add(number(p.get("conversions")));
        }
        return json("line", labels, List.of(dataset(texts.clicks(), clicks), dataset(texts.unique_clicks(), unique),
                dataset(texts.conversions(), conversions)), null);
    }

    /** How many orders are in each status now. */
    String pipeline(Map<String, Object> pipeline) {
        List<Object> labels = new ArrayList<>();
        List<Object> counts = new ArrayList<>();
        for (Map<String, Object> s : list(pipeline.get("statuses"))) {
            labels.add(s.get("status"));
            counts.add(number(s.get("count")));
        }
        return json("bar", labels, List.of(dataset(texts.count(), counts)), null);
    }

    private static Map<String, Object> dataset(String label, List<Object> data) {
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("label", label);
        dataset.put("data", data);
        return dataset;
    }

    private String json(String type, List<Object> labels, List<Map<String, Object>> datasets,
                        Map<String, Object> options) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", type);
        spec.put("labels", labels);
        spec.put("datasets", datasets);
        if (options != null) {
            spec.put("options", options);
        }
        try {
            return mapper.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart spec is not JSON", e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        List<Map<String, Object>> items = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> m) {
                    items.add((Map<String, Object>) m);
                }
            }
        }
        return items;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
