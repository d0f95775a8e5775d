package id.qutab.console.rules;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Words of the commission rules and tiers page ({@code {rules:...}}); English in messages/rules_en.properties. */
@MessageBundle(value = "rules", locale = "id")
public interface RuleTexts {

    @Message("Aturan komisi & tier")
    String title();

    @Message("Aturan komisi")
    String rules_title();

    @Message("Komisi per kategori produk: persen dari yang dibayar pelanggan untuk baris itu, atau nominal tetap per ekor. Isi salah satu saja. Perubahan berlaku untuk pesanan yang dibayar sejak itu; komisi yang sudah ada tidak berubah.")
    String rules_intro();

    @Message("Kategori")
    String category();

    @Message("Tarif (%)")
    String rate();

    @Message("Nominal per ekor (Rp)")
    String flat();

    @Message("Aktif")
    String active();

    @Message("Nonaktif")
    String inactive();

    @Message("Diperbarui")
    String updated_at();

    @Message("Ubah")
    String edit();

    @Message("Hapus")
    String delete();

    @Message("Aturan baru")
    String new_rule();

    @Message("Tambah aturan")
    String create_rule();

    @Message("Ubah aturan komisi")
    String edit_rule();

    @Message("Hapus aturan komisi {category} ({rate})? Pesanan {category} yang dibayar sesudahnya tidak mendapat komisi dari aturan ini.")
    String confirm_delete_rule(String category, String rate);

    @Message("Simpan aturan {category}? Pesanan yang dibayar sejak sekarang memakai tarif baru.")
    String confirm_save_rule(String category);

    @Message("Aturan komisi {category} disimpan ({rate}).")
    String rule_saved(String category, String rate);

    @Message("Aturan komisi dihapus.")
    String rule_deleted();

    @Message("Tier")
    String tiers_title();

    @Message("Tier menurut penjualan terkonfirmasi 90 hari terakhir; tier memberi bonus komisi. Setiap perubahan langsung menempatkan ulang semua afiliasi.")
    String tiers_intro();

    @Message("Nama tier")
    String tier_name();

    @Message("Ambang penjualan 90 hari (Rp)")
    String threshold();

    @Message("Bonus (%)")
    String bonus();

    @Message("Tier baru")
    String new_tier();

    @Message("Tambah tier")
    String create_tier();

    @Message("Ubah tier")
    String edit_tier();

    @Message("Hapus tier {name}? Afiliasi di tier ini langsung ditempatkan ulang.")
    String confirm_delete_tier(String name);

    @Message("Tier {name} disimpan (mulai {threshold}, bonus {bonus}).")
    String tier_saved(String name, String threshold, String bonus);

    @Message("Tier dihapus; afiliasi ditempatkan ulang.")
    String tier_deleted();

    @Message("Persentase paling banyak dua angka di belakang koma (0,01% = 1 basis poin).")
    String too_precise();
}
