package id.qutab.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The console's shared words: layout, navigation, login, errors, paging. Indonesian is the default; English is in
 * messages/msg_en.properties. Each section of the console has a bundle of its own next to its pages.
 */
@MessageBundle(locale = "id")
public interface Msg {

    @Message("Konsol Admin Qutab")
    String app_title();

    @Message("Dasbor")
    String nav_dashboard();

    @Message("Afiliasi")
    String nav_affiliates();

    @Message("Pesanan")
    String nav_orders();

    @Message("Produk")
    String nav_products();

    @Message("Kupon")
    String nav_coupons();

    @Message("FAQ")
    String nav_faq();

    @Message("Materi promosi")
    String nav_materials();

    @Message("Aturan komisi & tier")
    String nav_rules();

    @Message("Rekening bank")
    String nav_bank_accounts();

    @Message("Pencairan")
    String nav_payouts();

    @Message("Pengguna")
    String nav_users();

    @Message("Loyalitas")
    String nav_loyalty();

    @Message("Notifikasi")
    String nav_notifications();

    @Message("Event & job")
    String nav_operations();

    @Message("Keluar")
    String logout();

    @Message("Masuk")
    String login();

    @Message("Email")
    String email();

    @Message("Kata sandi")
    String password();

    @Message("Masuk ke konsol admin")
    String login_title();

    @Message("Email atau kata sandi salah.")
    String login_failed();

    @Message("Akun ini bukan akun admin. Konsol ini hanya untuk admin Qutab.")
    String refused();

    @Message("Akses ditolak")
    String refused_title();

    @Message("Sesi Anda telah berakhir. Silakan masuk lagi.")
    String session_ended();

    @Message("Terjadi kesalahan")
    String error_title();

    @Message("Kembali")
    String back();

    @Message("Sebelumnya")
    String previous();

    @Message("Berikutnya")
    String next();

    @Message("{from}–{to} dari {total}")
    String showing(long from, long to, long total);

    @Message("Tidak ada data.")
    String empty();

    @Message("Cari")
    String search();

    @Message("Filter")
    String filter();

    @Message("Semua")
    String all();

    @Message("Simpan")
    String save();

    @Message("Batal")
    String cancel();

    @Message("Status")
    String status();

    @Message("Dibuat")
    String created();

    @Message("Aksi")
    String actions();

    @Message("Unduh CSV")
    String download_csv();

    @Message("Mengunduh…")
    String downloading();

    @Message("Tersimpan.")
    String saved();
}
