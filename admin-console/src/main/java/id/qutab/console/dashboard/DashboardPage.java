package id.qutab.console.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.qutab.console.api.Api;
import id.qutab.console.api.ApiProblem;
import id.qutab.console.web.Pages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The console's home: the four reports of API.md (sales and the order pipeline from commerce, the affiliate
 * program from affiliate, liabilities from payout) for a range in the URL, with charts, and what needs an admin
 * today, each linking to the page that handles it. Each service answers for itself: a report that fails (not
 * deployed, a service down) shows its problem detail on its own card and the rest of the page still works.
 */
@Path("/")
public class DashboardPage {

    /** The services with an outbox whose dead letters an admin replays (API.md "Operations"). */
    static final List<String> SERVICES = List.of("identity", "commerce", "affiliate", "payout");

    @Inject
    Api api;

    @Inject
    Pages pages;

    @Inject
    ObjectMapper mapper;

    @Inject
    @Location("dashboard/index.html")
    Template index;

    /** A report's answer, or what went wrong fetching it. */
    private record Report(Map<String, Object> data, String problem) {
    }

    @GET
    public Response dashboard(@QueryParam("from") String from, @QueryParam("to") String to,
                              @QueryParam("groupBy") String groupBy) {
        DashboardTexts texts = pages.localized(DashboardTexts.class);
        ReportRange range = ReportRange.of(from, to, groupBy, texts);
        Charts charts = new Charts(mapper, texts);

        Report sales = fetch(() -> api.get("/api/admin/reports/sales", range.query()));
        Report pipeline = fetch(() -> api.get("/api/admin/reports/orders-pipeline"));
        Map<String, Object> affiliateQuery = Map.of("from", range.from().toString(), "to", range.to().toString());
        Report affiliates = fetch(() -> api.get("/api/admin/reports/affiliates", affiliateQuery));
        Report liabilities = fetch(() -> api.get("/api/admin/reports/liabilities"));

        Map<String, Object> data = new HashMap<>();
        data.put("from", range.from().toString());
        data.put("to", range.to().toString());
        data.put("groupBy", range.groupBy());
        data.put("todayHref", ReportRange.lastDays(1, range.groupBy()));
        data.put("last7Href", ReportRange.lastDays(7, range.groupBy()));
        data.put("last30Href", ReportRange.lastDays(30, range.groupBy()));

        put(data, "sales", sales);
        if (sales.data() != null) {
            data.put("revenueChart", charts.revenue(sales.data()));
            data.put("ordersChart", charts.orders(sales.data()));
            data.put("topProducts", Charts.list(sales.data().get("topProducts")));
        }
        data.put("salesCsv", range.href("/admin/reports/sales.csv"));

        put(data, "pipeline", pipeline);
        if (pipeline.data() != null) {
            data.put("pipelineChart", charts.pipeline(pipeline.data()));
            data.put("statuses", Charts.list(pipeline.data().get("statuses")));
            data.put("oldestWaiting", Charts.list(pipeline.data().get("oldestWaiting")));
        }
        data.put("pipelineCsv", "/admin/reports/orders-pipeline.csv");

        put(data, "affiliates", affiliates);
        if (affiliates.data() != null) {
            Map<String, Object> totals = Charts.map(affiliates.data().get("totals"));
            data.put("affiliatesChart", charts.affiliates(affiliates.data()));
            data.put("topAffiliates", Charts.list(affiliates.data().get("topAffiliates")));
            data.put("conversionRate", percent(totals.get("conversionRate")));
        }
        data.put("affiliatesCsv", "/admin/reports/affiliates.csv?from=" + range.from() + "&to=" + range.to());

        put(data, "liabilities", liabilities);
        if (liabilities.data() != null) {
            data.put("negativeBalances", Charts.list(liabilities.data().get("negativeBalances")));
        }
        data.put("liabilitiesCsv", "/admin/reports/liabilities.csv");

        data.put("attention", attention(texts, pipeline, affiliates, liabilities));
        return pages.page(index, data);
    }

    /** What is waiting for an admin now, each with the page that handles it. */
    private List<Attention> attention(DashboardTexts texts, Report pipeline, Report affiliates, Report liabilities) {
        List<Attention> items = new ArrayList<>();

        String applications = "/admin/affiliates?status=PENDING";
        if (affiliates.data() != null) {
            items.add(Attention.of("attention-applications", texts.att_applications(),
                    Charts.number(affiliates.data().get("pendingApplications")), null,
                    affiliates.data().get("oldestApplicationAt"), applications));
        } else {
            // the report is down: the list still knows how many wait
            items.add(count("attention-applications", texts.att_applications(), "/api/admin/affiliates",
                    Map.of("status", "PENDING", "size", 1), applications));
        }

        items.add(count("attention-bank-accounts", texts.att_bank_accounts(), "/api/admin/bank-accounts",
                Map.of("status", "PENDING", "size", 1), "/admin/bank-accounts?status=PENDING"));

        String requested = "/admin/payouts?status=REQUESTED";
        String approved = "/admin/payouts?status=APPROVED";
        if (liabilities.data() != null) {
            items.add(queue("attention-payouts-approval", texts.att_payouts_approval(),
                    liabilities.data().get("payoutsAwaitingApproval"), requested));
            items.add(queue("attention-payouts-transfer", texts.att_payouts_transfer(),
                    liabilities.data().get("payoutsAwaitingTransfer"), approved));
        } else {
            items.add(Attention.failed("attention-payouts-approval", texts.att_payouts_approval(), requested,
                    liabilities.problem()));
            items.add(Attention.failed("attention-payouts-transfer", texts.att_payouts_transfer(), approved,
                    liabilities.problem()));
        }

        String paidOrders = "/admin/orders?status=PAID";
        if (pipeline.data() != null) {
            Map<String, Object> paid = Charts.list(pipeline.data().get("statuses")).stream()
                    .filter(s -> "PAID".equals(s.get("status"))).findFirst().orElse(Map.of());
            Object oldest = Charts.list(pipeline.data().get("oldestWaiting")).stream()
                    .filter(o -> "PAID".equals(o.get("status"))).map(o -> o.get("since")).findFirst().orElse(null);
            items.add(Attention.of("attention-paid-orders", texts.att_paid_orders(), Charts.number(paid.get("count")),
                    Charts.number(paid.get("value")), oldest, paidOrders));
        } else {
            items.add(count("attention-paid-orders", texts.att_paid_orders(), "/api/admin/orders",
                    Map.of("status", "PAID", "size", 1), paidOrders));
        }

        items.add(count("attention-flagged", texts.att_flagged(), "/api/admin/orders",
                Map.of("flagged", "true", "size", 1), "/admin/orders?flagged=true"));

        for (String service : SERVICES) {
            items.add(count("attention-dead-letters-" + service, texts.att_dead_letters(service),
                    "/api/admin/events/" + service + "/dead-letters", Map.of("size", 1),
                    "/admin/operations?service=" + service));
        }
        return items;
    }

    /** A list's total as a count. */
    private Attention count(String id, String label, String path, Map<String, ?> query, String href) {
        Report list = fetch(() -> api.get(path, query));
        if (list.data() == null) {
            return Attention.failed(id, label, href, list.problem());
        }
        return Attention.of(id, label, Charts.number(list.data().get("total")), null, null, href);
    }

    private static Attention queue(String id, String label, Object value, String href) {
        Map<String, Object> queue = Charts.map(value);
        return Attention.of(id, label, Charts.number(queue.get("count")), Charts.number(queue.get("amount")),
                queue.get("oldestAt"), href);
    }

    /**
     * One call of the page. A failure stays on its card; only an ended session (401) leaves the page, to the login.
     */
    private static Report fetch(Supplier<Map<String, Object>> call) {
        try {
            return new Report(call.get(), null);
        } catch (ApiProblem problem) {
            if (problem.status() == 401) {
                throw problem;
            }
            return new Report(null, problem.describe() + " (HTTP " + problem.status() + ")");
        }
    }

    private static void put(Map<String, Object> data, String name, Report report) {
        data.put(name, report.data());
        data.put(name + "Problem", report.problem());
    }

    /** A rate as the API gives it (0.0325) as a percentage: {@code 3.25%}. */
    static String percent(Object rate) {
        if (!(rate instanceof Number n)) {
            return "";
        }
        return String.format(Locale.ROOT, "%.2f%%", n.doubleValue() * 100);
    }
}
