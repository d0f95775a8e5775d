package id.qutab.affiliate.reports;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** {@code GET /api/admin/reports/affiliates?from=&to=[&format=csv]}: the affiliate program's report (API.md). */
@Path("/api/admin/reports/affiliates")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Reports")
public class AffiliateReportResource {

    static final List<String> CSV_HEADER = List.of("date", "clicks", "uniqueClicks", "leads", "conversions",
            "commissions", "commissionsCreated", "commissionsMatured", "commissionsVoided", "clawbacks",
            "commissionsCreatedCount", "commissionsMaturedCount", "commissionsVoidedCount", "clawbacksCount");

    @Inject
    AffiliateReport report;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(summary = "Affiliate program report",
            description = "Clicks (without bots), unique clicks, leads (attributed orders by order day), conversions "
                    + "and their commission (paid attributed orders by payment day, minus voided and clawed-back "
                    + "ones; the affiliates' dashboard definitions), conversionRate = conversions / clicks in "
                    + "percent with two decimals; commission movements (rupiah, and *Count) by the day they "
                    + "happened; one period per Asia/Jakarta day, days without activity included; the top 10"
                    + " affiliates by commissions; applications waiting for review. `from`/`to` are "
                    + "inclusive dates, default the last 30 days up to today, at most 366 days. `?format=csv` or "
                    + "`Accept: text/csv` returns the periods as CSV.")
    @APIResponse(responseCode = "200", description = "The report",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AffiliateReportView.class)),
                    @Content(mediaType = Csv.MEDIA_TYPE)})
    @APIResponse(responseCode = "400", description = "A bad date, from after to, a range over 366 days, a bad format")
    @APIResponse(responseCode = "401", description = "No or an invalid token")
    @APIResponse(responseCode = "403", description = "Not an admin")
    public Response report(@Parameter(description = "first day, YYYY-MM-DD") @QueryParam("from") String from,
                           @Parameter(description = "last day, YYYY-MM-DD") @QueryParam("to") String to,
                           @Parameter(description = "csv or json") @QueryParam("format") String format,
                           @Context HttpHeaders headers) {
        boolean csv = Csv.wanted(format, headers);
        DayRange range = DayRange.parse(from, to, DayRange.today(), AffiliateReport.DEFAULT_DAYS,
                AffiliateReport.MAX_DAYS);
        AffiliateReportView view = report.report(range);
        if (!csv) {
            return Response.ok(view, MediaType.APPLICATION_JSON).build();
        }
        return Csv.download("affiliates-" + range.from() + "-" + range.to() + ".csv", CSV_HEADER,
                view.periods().stream().map(AffiliateReportResource::row).toList());
    }

    private static List<String> row(AffiliateReportView.Period p) {
        return List.of(p.date().toString(), Csv.number(p.clicks()), Csv.number(p.uniqueClicks()),
                Csv.number(p.leads()), Csv.number(p.conversions()), Csv.number(p.commissions()),
                Csv.number(p.commissionsCreated()), Csv.number(p.commissionsMatured()),
                Csv.number(p.commissionsVoided()), Csv.number(p.clawbacks()),
                Csv.number(p.commissionsCreatedCount()), Csv.number(p.commissionsMaturedCount()),
                Csv.number(p.commissionsVoidedCount()), Csv.number(p.clawbacksCount()));
    }
}
