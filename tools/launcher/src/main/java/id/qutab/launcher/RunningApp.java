package id.qutab.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** An app the platform started and found ready. */
public record RunningApp(
        String name,
        URI url,
        URI healthUrl,
        Optional<URI> openapiUrl,
        int port,
        long pid,
        Path log,
        boolean entrypoint,
        Duration readyAfter) {
}
