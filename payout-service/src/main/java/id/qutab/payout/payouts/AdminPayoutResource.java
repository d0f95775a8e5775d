package id.qutab.payout.payouts;

import id.qutab.payout.statements.PayoutStatements;
import id.qutab.platform.reports.DayRange;
import id.qutab.platform.security.CurrentUser;
import id.qutab.platform.security.Roles;
import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.UUID;

/** Admins process payouts: the queue, approve, mark paid, fail, reject, the transfer batch CSV, statements. */
@Path("/api/admin/payouts")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminPayoutResource {

    @Inject
    CurrentUser caller;

    @Inject
    PayoutHistory history;

    @Inject
    PayoutProcessing processing;

    @Inject
    PayoutCsvExport csv;

    @Inject
    PayoutStatements statements;

    public record MarkPaid(@NotBlank @Size(max = 100)
                           @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 ._/:#-]*", message = "letters, digits and . _ / : # -")
                           String transferReference) {
    }

    public record Reason(@NotBlank @Size(max = 500) String reason) {
    }

    @GET
    @Operation(summary = "Payouts, optionally by status and affiliate, oldest request first")
    public Page<PayoutViews.AdminPayoutView> list(@QueryParam("status") String status,
                                                  @QueryParam("affiliateId") UUID affiliateId,
                                                  @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return history.all(status, affiliateId, PageRequest.of(page, size));
    }

    @GET
    @Path("/export.csv")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    @Operation(summary = "Bank transfer batch: payouts in a status (default APPROVED) requested within a range of days",
            description = "RFC 4180 CSV, oldest request first, streamed. Days are Asia/Jakarta and both ends count; a range"
                    + " covers at most " + PayoutCsvExport.MAX_DAYS + " days (default: the " + PayoutCsvExport.MAX_DAYS
                    + " days up to today).")
    @APIResponse(responseCode = "200", description = "the CSV file",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "unknown status, a malformed date, from after to, or a range"
            + " over " + PayoutCsvExport.MAX_DAYS + " days", content = @Content(mediaType = "application/problem+json"))
    public Response export(
            @Parameter(description = "payout status to export", schema = @Schema(defaultValue = "APPROVED",
                    enumeration = {"REQUESTED", "APPROVED", "PAID", "FAILED", "REJECTED"}))
            @QueryParam("status") String status,
            @Parameter(description = "first day of request (YYYY-MM-DD, Asia/Jakarta, inclusive); default: "
                    + PayoutCsvExport.MAX_DAYS + " days up to to",
                    schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("from") String from,
            @Parameter(description = "last day of request (YYYY-MM-DD, Asia/Jakarta, inclusive); default: today, or "
                    + PayoutCsvExport.MAX_DAYS + " days from from",
                    schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("to") String to) {
        PayoutStatus wanted = PayoutHistory.parseStatus(status);
        if (wanted == null) {
            wanted = PayoutStatus.APPROVED;
        }
        DayRange range = PayoutCsvExport.range(from, to, DayRange.today());
        String file = "payouts-" + wanted.name().toLowerCase(java.util.Locale.ROOT) + "-" + range.from() + "-to-"
                + range.to() + ".csv";
        return Response.ok(csv.export(wanted, range), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("/{id}")
    public PayoutViews.AdminPayoutView get(@PathParam("id") UUID id) {
        return history.adminView(id);
    }

    @POST
    @Path("/{id}/approve")
    public PayoutViews.AdminPayoutView approve(@PathParam("id") UUID id) {
        return processing.approve(id, caller.id());
    }

    @POST
    @Path("/{id}/mark-paid")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The bank transfer was made: record its reference, allocate the commissions it pays")
    public PayoutViews.AdminPayoutView markPaid(@PathParam("id") UUID id, @Valid @NotNull MarkPaid body) {
        return processing.markPaid(id, caller.id(), body.transferReference().trim());
    }

    @POST
    @Path("/{id}/fail")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The transfer failed; the amount is available again")
    public PayoutViews.AdminPayoutView fail(@PathParam("id") UUID id, @Valid @NotNull Reason body) {
        return processing.fail(id, caller.id(), body.reason().trim());
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Refuse the request; the amount is available again")
    public PayoutViews.AdminPayoutView reject(@PathParam("id") UUID id, @Valid @NotNull Reason body) {
        return processing.reject(id, caller.id(), body.reason().trim());
    }

    @GET
    @Path("/{id}/statement.pdf")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    public Response statement(@PathParam("id") UUID id) {
        return PayoutResource.pdf(id, statements.forAdmin(id));
    }
}
