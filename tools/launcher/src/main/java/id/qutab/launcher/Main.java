package id.qutab.launcher;

import java.io.PrintStream;

/**
 * {@code java -jar tools/launcher/target/qutab-launcher-runnable.jar up} (what {@code ./qutab up} runs): starts the platform in the foreground; Ctrl-C or SIGTERM stops it.
 * Exit status: 0 never (it runs until stopped), 1 when the start fails or an app dies, 2 on a usage error,
 * 130/143 when stopped by SIGINT/SIGTERM (the JVM's own).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "help" : args[0];
        switch (command) {
            case "up" -> up(System.out, System.err);
            case "help", "-h", "--help" -> help(System.out);
            default -> {
                System.err.println("unknown command: " + command);
                help(System.err);
                System.exit(2);
            }
        }
    }

    static void help(PrintStream out) {
        out.println("""
                Usage: qutab up      start PostgreSQL and every Qutab app in the foreground; Ctrl-C stops them all
                       qutab help    this text

                Everything a run keeps (database, generated secrets and keys, logs) is in the data directory;
                to start from scratch, stop Qutab and delete that directory.

                Settings (environment variables):""");
        try {
            String file = System.getenv("QUTAB_APPS_FILE");
            out.println(Options.help(file == null || file.isBlank()
                    ? AppCatalog.bundled() : AppCatalog.fromFile(java.nio.file.Path.of(file))));
        } catch (LauncherException e) {
            out.println(Options.help(AppCatalog.bundled()));
        }
    }

    private static void up(PrintStream out, PrintStream err) {
        Platform platform;
        try {
            platform = Platform.prepare(Options.fromEnvironment(System.getenv()));
        } catch (LauncherException e) {
            err.println("ERROR: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "qutab-stop"));
        try {
            platform.startUp();
        } catch (Platform.StartCancelled e) {
            return; // the shutdown hook is stopping everything; the JVM exits when it is done
        } catch (LauncherException e) {
            System.exit(1); // the platform printed why
            return;
        } catch (RuntimeException e) {
            e.printStackTrace(err);
            System.exit(1);
            return;
        }
        ServiceProcess died = platform.unexpectedExit().join();
        err.println("ERROR: " + died.name() + " exited unexpectedly with code " + died.exitCode() + "; "
                + died.log() + " ends with:\n" + died.tail(40));
        err.println("Stopping everything else.");
        System.exit(1);
    }
}
