package id.qutab.commerce.reports;

import id.qutab.platform.reports.Csv;
import id.qutab.platform.reports.DayRange;
import id.qutab.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;

import static id.qutab.platform.reports.Csv.number;

/** The admin reports on commerce's own data (API.md "Reports"); JSON, or the same rows as CSV. */
@Path("/api/admin/reports")
@RolesAllowed(Roles.ADMIN)
@Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
@Tag(name = "Reports")
public class ReportResource {

    static final List<String> SALES_COLUMNS = List.of("start", "ordersPlaced", "ordersPaid", "cancelled", "expired",
            "refunded", "gross", "discounts", "refundedAmount", "netPaid", "sapi", "kambing", "domba");
    static final List<String> PIPELINE_COLUMNS = List.of("status", "count", "value");

    @Inject
    SalesReports sales;

    @Inject
    PipelineReport pipeline;

    @GET
    @Path("/sales")
    @Operation(summary = "Orders and revenue per Jakarta day, week (Monday first) or calendar month, by category, "
            + "with the top products; every event on the day it happened")
    @APIResponse(responseCode = "200", description = "the report (JSON), or one CSV line per period",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SalesReport.class)),
                    @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "a malformed date, from after to, more than "
            + SalesReports.MAX_DAYS + " days, an unknown groupBy or format")
    public Response sales(
            @Parameter(description = "first day (YYYY-MM-DD, Asia/Jakarta, inclusive); default: 30 days up to to")
            @QueryParam("from") String from,
            @Parameter(description = "last day (YYYY-MM-DD, Asia/Jakarta, inclusive); default: today, or 30 days from from")
            @QueryParam("to") String to,
            @Parameter(description = "period", schema = @Schema(enumeration = {"day", "week", "month"}, defaultValue = "day"))
            @QueryParam("groupBy") String groupBy,
            @Parameter(description = "csv or json; otherwise the Accept header decides",
                    schema = @Schema(enumeration = {"json", "csv"}))
            @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        GroupBy by = GroupBy.parse(groupBy);
        DayRange range = DayRange.parse(from, to, DayRange.today(), SalesReports.DEFAULT_DAYS, SalesReports.MAX_DAYS);
        boolean csv = Csv.wanted(format, headers);
        SalesReport report = sales.report(range, by);
        if (!csv) {
            return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
        }
        List<List<String>> rows = new ArrayList<>();
        for (SalesReport.Period p : report.periods()) {
            rows.add(List.of(p.start().toString(), number(p.ordersPlaced()), number(p.ordersPaid()),
                    number(p.cancelled()), number(p.expired()), number(p.refunded()), number(p.gross()),
                    number(p.discounts()), number(p.refundedAmount()), number(p.netPaid()),
                    number(p.byCategory().sapi()), number(p.byCategory().kambing()), number(p.byCategory().domba())));
        }
        return Csv.download("sales-" + range.from() + "-" + range.to() + "-" + by + ".csv", SALES_COLUMNS, rows);
    }

    @GET
    @Path("/orders-pipeline")
    @Operation(summary = "Orders and their value per status now, and the paid orders waiting longest in "
            + "PAID, PROCESSING or DISTRIBUTED")
    @APIResponse(responseCode = "200", description = "the report (JSON), or one CSV line per status",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PipelineReport.Pipeline.class)),
                    @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Response pipeline(
            @Parameter(description = "csv or json; otherwise the Accept header decides",
                    schema = @Schema(enumeration = {"json", "csv"}))
            @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        boolean csv = Csv.wanted(format, headers);
        PipelineReport.Pipeline now = pipeline.now();
        if (!csv) {
            return Response.ok(now, MediaType.APPLICATION_JSON_TYPE).build();
        }
        List<List<String>> rows = new ArrayList<>();
        for (PipelineReport.StatusCount s : now.statuses()) {
            rows.add(List.of(s.status(), number(s.count()), number(s.value())));
        }
        return Csv.download("orders-pipeline.csv", PIPELINE_COLUMNS, rows);
    }
}
