package id.qutab.payout.accounts;

import id.qutab.payout.banks.Bank;
import id.qutab.payout.banks.BankCatalog;
import id.qutab.payout.ktp.KtpUploads;
import id.qutab.platform.security.CurrentUser;
import id.qutab.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.InputStream;
import java.util.List;

/** The affiliate's own payout bank account and KTP. */
@Path("/api/affiliate/bank-account")
@RolesAllowed(Roles.AFFILIATE)
@Produces(MediaType.APPLICATION_JSON)
public class BankAccountResource {

    @Inject
    CurrentUser caller;

    @Inject
    BankAccounts accounts;

    @Inject
    KtpUploads ktp;

    @Inject
    BankCatalog banks;

    @GET
    @Operation(summary = "The caller's bank account, account number and NIK masked")
    public AccountView get() {
        return accounts.viewOwn(caller.id());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set or change the bank details; a change resets verification")
    public AccountView put(@Valid @NotNull BankDetailsRequest request) {
        return accounts.update(caller.id(), request);
    }

    @GET
    @Path("/banks")
    @Operation(summary = "Banks a payout can go to, with their account-number lengths (for the affiliate's form)")
    public List<Bank> banks() {
        return banks.all();
    }

    @POST
    @Path("/ktp")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload the KTP image (multipart part 'file', JPEG or PNG, at most 5 MB)")
    @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = KtpForm.class)))
    public Response uploadKtp(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        AccountView view = ktp.upload(caller.id(), body, contentType);
        return Response.status(Response.Status.CREATED).entity(view).build();
    }

    /** For the OpenAPI document only: the multipart form the KTP upload reads. */
    @Schema(name = "KtpUpload")
    public static class KtpForm {
        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary",
                description = "JPEG or PNG, at most 5 MB")
        public String file;
    }
}
