package id.qutab.launcher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The launcher's data directory, held under an exclusive lock for as long as the platform runs, so two launchers
 * never share one PostgreSQL data directory or one set of processes.
 *
 * <pre>
 * launcher.lock     the lock (holds the owner's pid)
 * postgres/         embedded PostgreSQL data directory (kept across restarts)
 * postgres-bin/     the unpacked PostgreSQL binaries
 * apps/&lt;app&gt;/       the copy of each app's build output it runs from (a rebuild cannot pull jars from under it)
 * secrets/          generated passwords, the events secret, the JWT key pair (0700 / 0600)
 * logs/             one log per app (the previous run's as .log.1), postgres.log
 * work/&lt;app&gt;/       each app's working directory
 * run/processes     the processes this launcher started, to stop leftovers of a launcher that was killed
 * </pre>
 */
public final class DataDirectory implements AutoCloseable {

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Creates the directory if needed and locks it; fails when another launcher holds it. */
    public static DataDirectory lock(Path root) {
        Path dir = root.toAbsolutePath().normalize();
        Path lockFile = dir.resolve("launcher.lock");
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String owner = readOwner(lockFile);
                channel.close();
                throw new LauncherException("another Qutab launcher" + owner + " is using " + dir
                        + "; stop it first, or give this one its own QUTAB_DATA_DIR and ports");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            DataDirectory data = new DataDirectory(dir, channel, lock);
            for (Path sub : new Path[] {data.logs(), data.runDir(), data.workDir()}) {
                Files.createDirectories(sub);
            }
            return data;
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // reporting the first failure
                }
            }
            throw new LauncherException("could not prepare the data directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String readOwner(Path lockFile) {
        try {
            String pid = Files.readString(lockFile, StandardCharsets.US_ASCII).trim();
            return pid.isEmpty() ? "" : " (pid " + pid + ")";
        } catch (IOException e) {
            return "";
        }
    }

    public Path root() {
        return root;
    }

    public Path postgres() {
        return root.resolve("postgres");
    }

    public Path postgresBinaries() {
        return root.resolve("postgres-bin");
    }

    public Path apps() {
        return root.resolve("apps");
    }

    public Path secrets() {
        return root.resolve("secrets");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path log(String name) {
        return logs().resolve(name + ".log");
    }

    public Path workDir() {
        return root.resolve("work");
    }

    public Path workDir(String app) {
        return workDir().resolve(app);
    }

    public Path runDir() {
        return root.resolve("run");
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            lockChannel.close();
        } catch (IOException ignored) {
            // the lock goes with the channel or the process
        }
    }
}
