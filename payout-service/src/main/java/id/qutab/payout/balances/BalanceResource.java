package id.qutab.payout.balances;

import id.qutab.payout.accounts.PayoutAccount;
import id.qutab.platform.security.CurrentUser;
import id.qutab.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/affiliate/balance}: the caller's own balance. An affiliate without an account has zeros. */
@Path("/api/affiliate/balance")
@RolesAllowed(Roles.AFFILIATE)
public class BalanceResource {

    @Inject
    CurrentUser caller;

    @Inject
    BalanceCalculator calculator;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Balance balance() {
        return PayoutAccount.keyOfUser(caller.id())
                .map(key -> calculator.balanceOf(key.affiliateId()))
                .orElse(Balance.ZERO);
    }
}
