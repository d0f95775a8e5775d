package id.qutab.commerce.demo;

import id.qutab.platform.persistence.Sql;
import id.qutab.platform.demo.DemoConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * Demo catalogue for local runs ({@code qutab.demo.seed=true}): a few products at realistic 2026 prices and a
 * coupon. Fixed ids and {@code ON CONFLICT DO NOTHING}: starting again changes nothing (nor undoes admin edits).
 */
@ApplicationScoped
public class DemoSeed {

    private static final Logger LOG = Logger.getLogger(DemoSeed.class);

    @Inject
    DemoConfig config;

    @Inject
    EntityManager em;

    record Item(String id, String name, String category, String description, long price, int min, int max, int stock) {
    }

    static final Item[] PRODUCTS = {
        new Item("0d5c1a52-7a0e-4c1e-9a51-000000000101", "Kambing Jawa Randu (±30 kg)", "kambing",
                "Kambing jantan sehat, cukup umur (>1 tahun), lolos pemeriksaan dokter hewan. Disembelih dan disalurkan di Jawa Barat.",
                3_250_000, 28, 32, 40),
        new Item("0d5c1a52-7a0e-4c1e-9a51-000000000102", "Kambing Etawa Premium (±40 kg)", "kambing",
                "Kambing peranakan etawa pilihan, bobot besar, untuk qurban keluarga.", 4_750_000, 38, 42, 15),
        new Item("0d5c1a52-7a0e-4c1e-9a51-000000000103", "Domba Garut (±30 kg)", "domba",
                "Domba garut jantan, bertanduk, sehat dan cukup umur. Disalurkan ke desa binaan di Garut.",
                3_500_000, 27, 33, 25),
        new Item("0d5c1a52-7a0e-4c1e-9a51-000000000104", "Domba Ekor Gemuk (±25 kg)", "domba",
                "Domba lokal ekor gemuk, pilihan hemat untuk qurban perorangan.", 2_850_000, 23, 27, 30),
        new Item("0d5c1a52-7a0e-4c1e-9a51-000000000105", "Sapi Patungan 1/7 (Sapi Bali ±300 kg)", "sapi",
                "Satu bagian dari tujuh pada seekor sapi bali. Cantumkan satu nama pekurban per bagian.",
                3_700_000, 280, 320, 70),
        new Item("0d5c1a52-7a0e-4c1e-9a51-000000000106", "Sapi Limosin Utuh (±550 kg)", "sapi",
                "Seekor sapi limosin untuk satu sampai tujuh pekurban. Termasuk penyembelihan, pengemasan dan penyaluran.",
                29_500_000, 520, 580, 5),
    };

    void onStart(@Observes StartupEvent start) {
        if (config.seed()) {
            seed();
        }
    }

    /** Adds whatever of the demo data is missing; returns the rows added. */
    @Transactional
    public int seed() {
        int added = 0;
        for (Item p : PRODUCTS) {
            added += Sql.update(em, """
                    INSERT INTO product (id, name, category, description, price, weight_min, weight_max, stock, active)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, TRUE) ON CONFLICT (id) DO NOTHING""",
                    UUID.fromString(p.id()), p.name(), p.category(), p.description(), p.price(), p.min(), p.max(),
                    p.stock());
        }
        added += Sql.update(em, """
                INSERT INTO coupon (id, code, discount_type, discount_value, min_purchase, max_discount, usage_limit,
                                    per_customer_limit, active)
                VALUES ('0d5c1a52-7a0e-4c1e-9a51-000000000201', 'QURBANBERKAH', 'PERCENT', 5, 3000000, 500000, 500, 1, TRUE)
                ON CONFLICT DO NOTHING""");
        LOG.infof("demo seed: %d new rows (products and coupon QURBANBERKAH)", added);
        return added;
    }
}
