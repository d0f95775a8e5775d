package id.qutab.console.dashboard;

import id.qutab.console.api.Api;
import id.qutab.console.web.Pages;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import id.qutab.console.web.Passthrough;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reports as CSV (API.md: {@code ?format=csv}, the same rows as the JSON), streamed through from the service as
 * it writes them: the console holds no copy, and the browser shows the bytes arriving (console.js).
 */
@Path("/reports")
public class ReportDownloads {

    private static final String CSV = "text/csv";

    @Inject
    Api api;

    @Inject
    Pages pages;

    @GET
    @Path("/sales.csv")
    public Response sales(@QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("groupBy") String groupBy) {
        ReportRange range = ReportRange.of(from, to, groupBy, pages.localized(DashboardTexts.class));
        return csv("/api/admin/reports/sales", range.query(), "sales-" + range.from() + "-" + range.to() + ".csv");
    }

    @GET
    @Path("/orders-pipeline.csv")
    public Response pipeline() {
        return csv("/api/admin/reports/orders-pipeline", new LinkedHashMap<>(), "orders-pipeline.csv");
    }

    @GET
    @Path("/affiliates.csv")
    public Response affiliates(@QueryParam("from") String from, @QueryParam("to") String to) {
        ReportRange range = ReportRange.of(from, to, null, pages.localized(DashboardTexts.class));
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("from", range.from().toString());
        query.put("to", range.to().toString());
        return csv("/api/admin/reports/affiliates", query, "affiliates-" + range.from() + "-" + range.to() + ".csv");
    }

    @GET
    @Path("/liabilities.csv")
    public Response liabilities() {
        return csv("/api/admin/reports/liabilities", new LinkedHashMap<>(), "liabilities.csv");
    }

    private Response csv(String path, Map<String, Object> query, String filename) {
        query.put("format", "csv");
        return Passthrough.of(api.stream(path, query, CSV), filename);
    }
}
