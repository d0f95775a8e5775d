package id.qutab.payout.ktp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.nio.file.Files;

/** Not ready while the KTP directory cannot take uploads (a volume not mounted, read-only). */
@Readiness
@ApplicationScoped
public class KtpVaultHealth implements HealthCheck {

    @Inject
    KtpVault vault;

    @Override
    public HealthCheckResponse call() {
        boolean writable = Files.isDirectory(vault.directory()) && Files.isWritable(vault.directory());
        return HealthCheckResponse.named("ktp-vault").status(writable).withData("activeKeyId", vault.activeKeyId())
                .build();
    }
}
