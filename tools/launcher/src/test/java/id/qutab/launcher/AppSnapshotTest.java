package id.qutab.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class AppSnapshotTest {

    @TempDir
    Path dir;

    @Test
    void runsFromACopyThatFollowsRebuildsOnly() throws Exception {
        Path app = dir.resolve("identity-service/target/quarkus-app");
        Files.createDirectories(app.resolve("lib/main"));
        Path jar = Files.writeString(app.resolve("quarkus-run.jar"), "run-1");
        Files.writeString(app.resolve("lib/main/service.jar"), "classes-1");
        Path apps = dir.resolve("data/apps");

        Path copy = AppSnapshot.prepare("identity", jar, apps);
        assertEquals(apps.resolve("identity/quarkus-run.jar"), copy);
        assertEquals("classes-1", Files.readString(apps.resolve("identity/lib/main/service.jar")));

        Path marker = Files.writeString(apps.resolve("identity/marker"), "kept while the build is unchanged");
        AppSnapshot.prepare("identity", jar, apps);
        assertEquals("kept while the build is unchanged", Files.readString(marker));

        Files.writeString(app.resolve("lib/main/service.jar"), "classes-2 (rebuilt)");
        Files.setLastModifiedTime(app.resolve("lib/main/service.jar"), FileTime.fromMillis(System.currentTimeMillis() + 5000));
        AppSnapshot.prepare("identity", jar, apps);
        assertEquals("classes-2 (rebuilt)", Files.readString(apps.resolve("identity/lib/main/service.jar")));
        assertFalse(Files.exists(marker), "a rebuild replaces the whole copy");
    }

    @Test
    void aPlainJarComesWithWhatItsManifestClassPathNames() throws Exception {
        Path target = dir.resolve("tools/zendit-sandbox/target");
        Files.createDirectories(target.resolve("lib"));
        Files.writeString(target.resolve("lib/jackson.jar"), "dependency");
        Files.writeString(target.resolve("unrelated.txt"), "not copied");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, "lib/jackson.jar lib/missing.jar");
        Path jar = target.resolve("zendit-sandbox.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new java.util.jar.JarEntry("x.txt"));
            out.write(1);
        }
        Path copy = AppSnapshot.prepare("zendit", jar, dir.resolve("apps"));
        assertEquals(dir.resolve("apps/zendit/zendit-sandbox.jar"), copy);
        assertEquals("dependency", Files.readString(dir.resolve("apps/zendit/lib/jackson.jar")));
        assertFalse(Files.exists(dir.resolve("apps/zendit/unrelated.txt")));
    }
}
