package id.qutab.launcher;

/** Where and as whom to connect: an app's own role, or the administrative account. */
public record DatabaseAccess(String jdbcUrl, String user, String password) {

    @Override
    public String toString() {
        return "DatabaseAccess[" + jdbcUrl + " as " + user + "]";
    }
}
