package id.qutab.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void oneLauncherAtATime() throws Exception {
        try (DataDirectory data = DataDirectory.lock(dir)) {
            assertTrue(Files.isDirectory(data.logs()));
            assertEquals(Long.toString(ProcessHandle.current().pid()), Files.readString(dir.resolve("launcher.lock")).trim());
            LauncherException busy = assertThrows(LauncherException.class, () -> DataDirectory.lock(dir));
            assertTrue(busy.getMessage().contains("another Qutab launcher (pid " + ProcessHandle.current().pid() + ")"),
                    busy.getMessage());
        }
        DataDirectory.lock(dir).close();
    }
}
