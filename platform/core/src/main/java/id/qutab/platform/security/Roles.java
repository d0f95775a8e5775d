package id.qutab.platform.security;

/** The roles carried in the JWT {@code groups} claim. */
public final class Roles {
    public static final String CUSTOMER = "customer";
    public static final String AFFILIATE = "affiliate";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
