package id.qutab.payout.accounts;

import id.qutab.payout.ktp.KtpAccessAudit;
import id.qutab.payout.ktp.KtpAccessRecord;
import id.qutab.payout.ktp.KtpReads;
import id.qutab.platform.security.CurrentUser;
import id.qutab.platform.http.RequestIdHeader;
import id.qutab.platform.security.Roles;
import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.time.Instant;
import java.util.UUID;

/** Admins review payout bank accounts: the queue, verify / reject, and the (audited) KTP image. */
@Path("/api/admin/bank-accounts")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminBankAccountResource {

    @Inject
    CurrentUser caller;

    @Inject
    BankAccounts accounts;

    @Inject
    KtpReads ktp;

    @Inject
    KtpAccessAudit audit;

    @Inject
    ObjectMapper json;

    @GET
    @Operation(summary = "Bank accounts, optionally by verification status, affiliate or user (oldest change first)")
    public Page<AdminAccountView> list(@QueryParam("status") String status,
                                       @QueryParam("affiliateId") UUID affiliateId,
                                       @QueryParam("userId") UUID userId,
                                       @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return accounts.list(status, affiliateId, userId, PageRequest.of(page, size));
    }

    @GET
    @Path("/{id}")
    public AdminAccountView get(@PathParam("id") UUID id) {
        return accounts.get(id);
    }

    @POST
    @Path("/{id}/verify")
    @Operation(summary = "Verify the bank details; optional JSON body {detailsVersion} guards against a change since review")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReviewRequests.Verify.class)))
    public AdminAccountView verify(@PathParam("id") UUID id, byte[] body) {
        return accounts.verify(id, caller.id(), ReviewRequests.expectedVersion(json, body));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public AdminAccountView reject(@PathParam("id") UUID id, @Valid @NotNull ReviewRequests.Reject body) {
        return accounts.reject(id, caller.id(), body.reason());
    }

    @GET
    @Path("/{id}/ktp")
    @Produces({"image/jpeg", "image/png", MediaType.APPLICATION_JSON})
    @Operation(summary = "The KTP image as uploaded; every read is audit-logged")
    public Response ktp(@PathParam("id") UUID id, @Context HttpServerRequest request) {
        KtpReads.KtpImage image = ktp.read(id, caller.id(), request.response().headers().get(RequestIdHeader.NAME));
        String extension = image.contentType().equals("image/png") ? "png" : "jpg";
        return Response.ok(image.bytes(), image.contentType())
                .header("Content-Disposition", "inline; filename=\"ktp-" + id + "." + extension + "\"")
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    @GET
    @Path("/{id}/ktp/audit")
    @Operation(summary = "Who read this account's KTP, newest first")
    public Page<KtpRead> ktpAudit(@PathParam("id") UUID id, @QueryParam("page") Integer page,
                                  @QueryParam("size") Integer size) {
        accounts.get(id); // 404 for an unknown account
        PageRequest request = PageRequest.of(page, size);
        return new Page<>(audit.readsOf(id, request.offset(), request.size()), request.page(), request.size(),
                audit.countReadsOf(id)).map(KtpRead::of);
    }

    @RegisterForReflection
    public record KtpRead(UUID id, UUID ktpDocumentId, UUID adminUserId, Instant accessedAt, String requestId) {
        static KtpRead of(KtpAccessRecord r) {
            return new KtpRead(r.id, r.ktpDocumentId, r.adminUserId, r.accessedAt, r.requestId);
        }
    }
}
