package id.qutab.console.dashboard;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Words of the dashboard ({@code {dashboard:...}}); English in messages/dashboard_en.properties. */
@MessageBundle(value = "dashboard", locale = "id")
public interface DashboardTexts {

    @Message("Dasbor")
    String title();

    @Message("Dari")
    String range_from();

    @Message("Sampai")
    String range_to();

    @Message("Per")
    String group_by();

    @Message("hari")
    String group_day();

    @Message("minggu")
    String group_week();

    @Message("bulan")
    String group_month();

    @Message("Tampilkan")
    String apply();

    @Message("Hari ini")
    String today();

    @Message("7 hari")
    String last_7();

    @Message("30 hari")
    String last_30();

    @Message("Waktu Jakarta (WIB), tanggal inklusif.")
    String range_note();

    @Message("Penjualan")
    String sales_title();

    @Message("Pendapatan bersih (dibayar)")
    String net_paid();

    @Message("Pesanan dibuat")
    String orders_placed();

    @Message("Pesanan dibayar")
    String orders_paid();

    @Message("Bruto")
    String gross();

    @Message("Diskon")
    String discounts();

    @Message("Dibatalkan")
    String cancelled();

    @Message("Kedaluwarsa")
    String expired();

    @Message("Dikembalikan (refund)")
    String refunded();

    @Message("Pendapatan bersih per periode, per kategori")
    String revenue_chart();

    @Message("Pesanan dibuat dan dibayar per periode")
    String orders_chart();

    @Message("Sapi")
    String cat_sapi();

    @Message("Kambing")
    String cat_kambing();

    @Message("Domba")
    String cat_domba();

    @Message("Produk terlaris")
    String top_products();

    @Message("Produk")
    String product();

    @Message("Jumlah")
    String quantity();

    @Message("Alur pesanan saat ini")
    String pipeline_title();

    @Message("Pesanan per status")
    String pipeline_chart();

    @Message("Banyaknya")
    String count();

    @Message("Nilai")
    String value();

    @Message("Pesanan dibayar yang paling lama menunggu")
    String oldest_waiting();

    @Message("Nomor")
    String order_number();

    @Message("Sejak")
    String since();

    @Message("Program afiliasi")
    String affiliates_title();

    @Message("Klik")
    String clicks();

    @Message("Klik unik")
    String unique_clicks();

    @Message("Prospek")
    String leads();

    @Message("Konversi")
    String conversions();

    @Message("Tingkat konversi")
    String conversion_rate();

    @Message("Komisi dibuat")
    String commissions_created();

    @Message("Komisi matang")
    String commissions_matured();

    @Message("Komisi dibatalkan")
    String commissions_voided();

    @Message("Ditarik kembali (clawback)")
    String clawbacks();

    @Message("Klik dan konversi per hari")
    String affiliates_chart();

    @Message("Afiliasi teratas")
    String top_affiliates();

    @Message("Afiliasi")
    String affiliate();

    @Message("Kode")
    String code();

    @Message("Komisi")
    String commissions();

    @Message("Pendaftaran menunggu review")
    String pending_applications();

    @Message("Utang program ke afiliasi")
    String liabilities_title();

    @Message("Tertunda (masa tahan)")
    String pending();

    @Message("Tersedia untuk dicairkan")
    String available();

    @Message("Dicadangkan di pencairan terbuka")
    String reserved();

    @Message("Dibayar bulan ini")
    String paid_this_month();

    @Message("Saldo negatif (clawback)")
    String negative_balances();

    @Message("Perlu perhatian hari ini")
    String attention_title();

    @Message("Pendaftaran afiliasi menunggu review")
    String att_applications();

    @Message("Rekening bank menunggu verifikasi")
    String att_bank_accounts();

    @Message("Pencairan menunggu persetujuan")
    String att_payouts_approval();

    @Message("Pencairan disetujui menunggu transfer")
    String att_payouts_transfer();

    @Message("Pesanan dibayar menunggu diproses")
    String att_paid_orders();

    @Message("Pembayaran ditandai (jumlah tidak cocok)")
    String att_flagged();

    @Message("Dead letter di {service}")
    String att_dead_letters(String service);

    @Message("terlama sejak {time}")
    String oldest(String time);

    @Message("Buka")
    String open();

    @Message("Laporan ini tidak dapat dimuat")
    String unavailable();

    @Message("Tanggal tidak valid: {value} (format YYYY-MM-DD).")
    String bad_date(String value);

    @Message("Tanggal \"dari\" harus sebelum atau sama dengan \"sampai\".")
    String bad_range();

    @Message("Pengelompokan tidak dikenal: {value}.")
    String bad_group(String value);
}
