package id.qutab.identity.admin;

import id.qutab.identity.accounts.UserAccount;
import id.qutab.identity.accounts.UserRepository;
import id.qutab.identity.tokens.RefreshTokens;
import id.qutab.platform.problem.ProblemException;
import id.qutab.platform.security.Roles;
import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** What admins do with accounts: find them, disable and enable them. Deleted accounts are not listed. */
@ApplicationScoped
public class AdminUserService {

    private static final Logger LOG = Logger.getLogger(AdminUserService.class);
    private static final Set<String> ROLES = Set.of(Roles.CUSTOMER, Roles.AFFILIATE, Roles.ADMIN);

    @Inject
    UserRepository users;

    @Inject
    RefreshTokens refreshTokens;

    /**
     * Users newest first, optionally only those with {@code role}, optionally only those whose name, email
     * or phone contains {@code q} (case-insensitive).
     */
    @Transactional
    public Page<AdminUserView> list(String role, String q, PageRequest page) {
        StringBuilder where = new StringBuilder("deletedAt is null");
        Parameters params = new Parameters();
        if (role != null && !role.isBlank()) {
            if (!ROLES.contains(role)) {
                throw ProblemException.invalid("role", "must be customer, affiliate or admin");
            }
            where.append(" and :role member of roles");
            params.and("role", role);
        }
        if (q != null && !q.isBlank()) {
            if (q.length() > 100) {
                throw ProblemException.invalid("q", "must be at most 100 characters");
            }
            where.append(" and (lower(name) like :q escape '\\' or lower(email) like :q escape '\\' or phone like :q escape '\\')");
            params.and("q", "%" + escapeLike(q.trim().toLowerCase(Locale.ROOT)) + "%");
        }
        PanacheQuery<UserAccount> query = users.find(where.toString(),
                Sort.descending("createdAt").and("id"), params).page(page.page(), page.size());
        return new Page<>(query.list().stream().map(AdminUserView::of).toList(), page.page(), page.size(), query.count());
    }

    @Transactional
    public AdminUserView get(UUID id) {
        return AdminUserView.of(users.findLive(id).orElseThrow(() -> ProblemException.notFound("User")));
    }

    /** The account can no longer sign in or refresh; its sessions end now. Idempotent. */
    @Transactional
    public AdminUserView disable(UUID id, UUID adminId) {
        if (id.equals(adminId)) {
            throw ProblemException.rule("cannot-disable-self", "Admins cannot disable their own account.");
        }
        UserAccount user = users.lockLive(id).orElseThrow(() -> ProblemException.notFound("User"));
        if (user.disabledAt == null) {
            user.disabledAt = Instant.now();
            user.touch();
            refreshTokens.revokeAllOf(user.id);
            LOG.infof("account %s disabled by admin %s", user.id, adminId);
        }
        return AdminUserView.of(user);
    }

    /** The account can sign in again (old sessions stay revoked). Idempotent. */
    @Transactional
    public AdminUserView enable(UUID id, UUID adminId) {
        UserAccount user = users.lockLive(id).orElseThrow(() -> ProblemException.notFound("User"));
        if (user.disabledAt != null) {
            user.disabledAt = null;
            user.touch();
            LOG.infof("account %s enabled by admin %s", user.id, adminId);
        }
        return AdminUserView.of(user);
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
