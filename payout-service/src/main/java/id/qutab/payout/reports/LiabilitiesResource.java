package id.qutab.payout.reports;

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

import java.util.ArrayList;
import java.util.List;

/** {@code GET /api/admin/reports/liabilities}: what the affiliate program owes now, as JSON or CSV. */
@Path("/api/admin/reports/liabilities")
@RolesAllowed(Roles.ADMIN)
public class LiabilitiesResource {

    static final List<String> HEADER = List.of("affiliate_id", "pending", "available", "reserved", "paid_out");
    /** The CSV's summary lines after the affiliates: the JSON's totals, then the sum of the debts. */
    static final String TOTAL = "TOTAL";
    static final String NEGATIVE = "NEGATIVE";

    @Inject
    LiabilitiesReport report;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(summary = "What the affiliate program owes now",
            description = "Sums of every affiliate's balance (the GET /api/affiliate/balance formula), whole rupiah."
                    + " available counts positive balances only; an affiliate below zero (a clawback larger than what"
                    + " was available) is listed in negativeBalances and summed in negativeTotal instead."
                    + " paidThisMonth: payouts marked PAID in the current Asia/Jakarta calendar month."
                    + " CSV (?format=csv or Accept: text/csv): affiliate_id,pending,available,reserved,paid_out per"
                    + " affiliate with a non-zero balance, then a TOTAL line (the JSON's pending, available, reserved,"
                    + " paidOut) and a NEGATIVE line (negativeTotal in the available column).")
    @APIResponse(responseCode = "200", description = "the report",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Liabilities.class)),
                    @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "format other than csv or json",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "401", description = "not logged in")
    @APIResponse(responseCode = "403", description = "not an admin")
    public Response liabilities(
            @Parameter(description = "csv or json (default: by Accept, JSON unless text/csv comes first)",
                    schema = @Schema(enumeration = {"csv", "json"}))
            @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        boolean csv = Csv.wanted(format, headers);
        LiabilitiesReport.Snapshot snapshot = report.now();
        if (!csv) {
            return Response.ok(snapshot.totals(), MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store")
                    .build();
        }
        return Csv.download("liabilities-" + DayRange.today() + ".csv", HEADER, rows(snapshot));
    }

    static List<List<String>> rows(LiabilitiesReport.Snapshot snapshot) {
        List<List<String>> rows = new ArrayList<>(snapshot.lines().size() + 2);
        for (LiabilitiesReport.Line line : snapshot.lines()) {
            rows.add(List.of(line.affiliateId().toString(), Csv.number(line.balance().pending()),
                    Csv.number(line.balance().available()), Csv.number(line.balance().reserved()),
                    Csv.number(line.balance().paidOut())));
        }
        Liabilities t = snapshot.totals();
        rows.add(List.of(TOTAL, Csv.number(t.pending()), Csv.number(t.available()), Csv.number(t.reserved()),
                Csv.number(t.paidOut())));
        rows.add(List.of(NEGATIVE, "0", Csv.number(t.negativeTotal()), "0", "0"));
        return rows;
    }
}
