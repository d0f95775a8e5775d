package id.qutab.console.loyalty;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Words of the loyalty pages ({@code {loyalty:...}}); English in messages/loyalty_en.properties. */
@MessageBundle(value = "loyalty", locale = "id")
public interface LoyaltyTexts {

    @Message("Hadiah loyalitas")
    String rewards_title();

    @Message("Tier pelanggan")
    String tiers_title();

    @Message("Poin pelanggan")
    String customers_title();

    @Message("Katalog hadiah yang bisa ditukar pelanggan dengan poin: potongan di checkout atau kupon yang diterbitkan untuk pelanggan. Hadiah yang dinonaktifkan tidak ditawarkan lagi; penukaran yang sudah ada tetap memakainya.")
    String rewards_intro();

    @Message("Hadiah baru")
    String new_reward();

    @Message("Ubah hadiah {name}")
    String edit_reward(String name);

    @Message("Aktif")
    String active();

    @Message("Nonaktif")
    String inactive();

    @Message("Nama")
    String name();

    @Message("mis. Diskon Rp 250.000")
    String name_placeholder();

    @Message("Deskripsi")
    String description();

    @Message("Jenis")
    String kind();

    @Message("{#when kind}{#is 'DISCOUNT'}Diskon di checkout{#is 'COUPON'}Kupon{#else}{kind}{/when}")
    String kind_label(String kind);

    @Message("Diskon: potongan langsung di pesanan saat checkout. Kupon: kode kupon diterbitkan untuk pelanggan saat ia menukar poin.")
    String kind_hint();

    @Message("Nilai (Rp)")
    String value();

    @Message("Harga (poin)")
    String points_cost();

    @Message("Stok")
    String stock();

    @Message("Stok (kosong = tanpa batas)")
    String stock_field();

    @Message("tanpa batas")
    String unlimited();

    @Message("Berlaku mulai (WIB)")
    String valid_from();

    @Message("Berlaku sampai (WIB)")
    String valid_until();

    @Message("Ditukar")
    String redeemed();

    @Message("Sudah ditukar {count} kali.")
    String redeemed_count(Object count);

    @Message("Ubah")
    String edit();

    @Message("Nonaktifkan")
    String deactivate();

    @Message("Nonaktifkan hadiah {name}? Pelanggan tidak bisa menukarnya lagi; penukaran yang sudah ada tetap berlaku.")
    String confirm_deactivate(String name);

    @Message("Hadiah {name} dibuat.")
    String reward_created(String name);

    @Message("Hadiah {name} disimpan.")
    String reward_saved(String name);

    @Message("Hadiah {name} dinonaktifkan.")
    String reward_deactivated(String name);

    @Message("Tier menurut belanja yang dibayar dalam 12 bulan terakhir; pengali tier mengalikan poin yang didapat. Naik tier berlaku seketika, turun tier pada tinjauan tahunan berikutnya. Bronze selalu mulai dari Rp 0.")
    String tiers_intro();

    @Message("Tier")
    String tier();

    @Message("Nama")
    String tier_name();

    @Message("Belanja minimal 12 bulan (Rp)")
    String min_spend();

    @Message("Pengali poin")
    String multiplier();

    @Message("Saat ini")
    String multiplier_now();

    @Message("Pengali ditulis sebagai angka desimal, mis. 1,25 (= 1.25×, paling banyak empat angka di belakang koma). Ketiga tier disimpan bersama dan diperiksa oleh API.")
    String tiers_hint();

    @Message("Simpan pengaturan tier? Pesanan yang selesai sejak sekarang memakai ambang dan pengali baru.")
    String confirm_tiers();

    @Message("Tier disimpan: {summary}.")
    String tiers_saved(String summary);

    @Message("Pengali paling banyak empat angka di belakang koma (0,0001× = 1 basis poin).")
    String multiplier_too_precise();

    @Message("Buka akun loyalitas pelanggan dengan ID pengguna, email, nama, atau telepon. Dari halaman Pengguna, setiap pelanggan punya tautan ke sini.")
    String customers_intro();

    @Message("ID pengguna, email, nama, atau telepon")
    String customer_placeholder();

    @Message("Buka")
    String open();

    @Message("Nama")
    String customer_name();

    @Message("Poin loyalitas")
    String view_loyalty();

    @Message("Akun loyalitas pelanggan")
    String customer_title();

    @Message("ID pengguna")
    String user_id();

    @Message("Saldo poin")
    String balance();

    @Message("Poin didapat {multiplier}")
    String earns(String multiplier);

    @Message("Belanja 12 bulan terakhir")
    String spend_12_months();

    @Message("Tinjauan tier berikutnya: {day}")
    String review_at(String day);

    @Message("Poin yang akan kedaluwarsa")
    String expiring_title();

    @Message("Kedaluwarsa pada")
    String expires_on();

    @Message("Poin")
    String points();

    @Message("Tidak ada poin yang akan kedaluwarsa.")
    String nothing_expiring();

    @Message("Sesuaikan poin")
    String adjust_title();

    @Message("Tambah (mis. 500) atau kurangi (mis. -200) poin dengan alasan. Penyesuaian dicatat di buku besar bersama ID admin Anda; saldo boleh negatif.")
    String adjust_intro();

    @Message("Poin (±)")
    String adjust_points();

    @Message("Alasan")
    String reason();

    @Message("Catat penyesuaian")
    String adjust();

    @Message("Catat penyesuaian poin untuk pelanggan ini? Penyesuaian tidak bisa dihapus, hanya dikoreksi dengan penyesuaian lain.")
    String confirm_adjust();

    @Message("Penyesuaian {points} poin dicatat; saldo sekarang {balance} poin.")
    String adjusted(String points, String balance);

    @Message("Buku besar poin")
    String ledger_title();

    @Message("Waktu")
    String at();

    @Message("Jenis")
    String type();

    @Message("Terkait")
    String about();

    @Message("{#when type}{#is 'EARN'}Didapat{#is 'REDEEM'}Ditukar{#is 'REVERSE'}Dibatalkan (refund){#is 'EXPIRE'}Kedaluwarsa{#is 'ADJUST'}Penyesuaian admin{#is 'RETURN'}Dikembalikan{#else}{type}{/when}")
    String entry_type(String type);

    @Message("Pesanan")
    String order();

    @Message("Hadiah")
    String reward();

    @Message("oleh admin")
    String by_admin();
}
