package id.qutab.identity.tokens;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One failed sign-in: the hashed account key and the client address. */
@Entity
@Table(name = "login_failures")
public class LoginFailure extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** SHA-256 of the lower-cased email; the address itself is not kept here. */
    @Column(name = "account_key", nullable = false)
    public String accountKey;

    @Column(name = "client_ip", nullable = false)
    public String clientIp;

    @Column(name = "failed_at", nullable = false)
    public Instant failedAt;
}
