package id.qutab.launcher;

import java.util.List;
import java.util.OptionalInt;

/** The PostgreSQL server the platform uses: an embedded one the launcher runs, or one the operator gave. */
interface DatabaseServer extends AutoCloseable {

    /** JDBC URL of {@code database} for the administrative account (never carries credentials). */
    String jdbcUrl(String database);

    String adminUser();

    String adminPassword();

    /** Connection URL to create {@code database} from (the server's maintenance database). */
    String maintenanceJdbcUrl();

    /** One line for the console. */
    String describe();

    /** Processes the launcher is responsible for (the embedded postmaster and its workers); empty for an external server. */
    List<ProcessHandle> processes();

    /** The port the launcher made PostgreSQL listen on; empty for an external server. */
    OptionalInt listenPort();

    @Override
    void close();
}
