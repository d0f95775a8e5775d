package id.qutab.console.operations;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Words of the operations page ({@code {ops:...}}): dead letters and jobs; English in messages/ops_en.properties. */
@MessageBundle(value = "ops", locale = "id")
public interface OperationTexts {

    @Message("Event & job")
    String title();

    @Message("Dead letter")
    String dead_letters();

    @Message("Event yang tidak bisa dikirim layanan ini: ditolak penerimanya, atau tidak terkirim lebih lama dari batas umur (bawaan 72 jam). Perbaiki penyebabnya dulu, lalu kirim ulang; event berikutnya dari agregat yang sama menunggu di belakangnya dan ikut berjalan lagi.")
    String dead_letters_intro();

    @Message("Layanan pengirim")
    String service();

    @Message("Tidak terbaca: {detail}")
    String count_unavailable(String detail);

    @Message("Jenis event")
    String type();

    @Message("Tujuan")
    String destination();

    @Message("Agregat")
    String aggregate();

    @Message("Percobaan")
    String attempts();

    @Message("Galat terakhir")
    String last_error();

    @Message("Umur")
    String age();

    @Message("Mati sejak")
    String dead_at();

    @Message("Isi event")
    String payload();

    @Message("Kirim ulang")
    String replay();

    @Message("Kirim ulang event {type} ke {destination}?")
    String confirm_replay(String type, String destination);

    @Message("Event {id} dikirim ulang (status {status}).")
    String replayed(String id, String status);

    @Message("Kirim ulang semua dead letter layanan ini, per tujuan")
    String bulk_title();

    @Message("Kirim ulang semua ke {destination}")
    String replay_all_to(String destination);

    @Message("Kirim ulang SEMUA dead letter {service} ke {destination}?")
    String confirm_replay_all(String service, String destination);

    @Message("{replayed} dead letter {service} ke {destination} dikirim ulang.")
    String replayed_all(String replayed, String service, String destination);

    @Message("Daftar dead letter tidak bisa dibaca: {detail}")
    String list_unavailable(String detail);

    @Message("{d} hari {h} jam")
    String age_days(long d, long h);

    @Message("{h} jam {m} menit")
    String age_hours(long h, long m);

    @Message("{m} menit")
    String age_minutes(long m);

    @Message("Job terjadwal")
    String jobs();

    @Message("Setiap job juga berjalan sesuai jadwalnya. Menjalankan job dua kali berturut-turut tidak mengubah apa pun pada kali kedua.")
    String jobs_intro();

    @Message("Job")
    String job();

    @Message("Layanan")
    String owner();

    @Message("Gunanya")
    String job_purpose();

    @Message("Jalankan sekarang")
    String run_now();

    @Message("Job {job} selesai: {answer}")
    String job_done(String job, String answer);

    @Message("Membatalkan pesanan yang jendela pembayarannya lewat (EXPIRED) dan mengembalikan stoknya.")
    String job_payment_expiry();

    @Message("Meninjau tier loyalitas pelanggan menurut belanja 12 bulan: naik tier seketika, turun tier pada tinjauan tahunan.")
    String job_loyalty_tiers();

    @Message("Menghanguskan poin loyalitas yang lebih tua dari 12 bulan, yang terlama dulu.")
    String job_loyalty_expiry();

    @Message("Mengirim pengingat tahunan: ucapan ulang tahun, penawaran aqiqah, dan pengingat qurban sebelum Iduladha.")
    String job_reminders();

    @Message("Menghapus kunci idempoten pesanan (lebih dari 7 hari) dan catatan callback pembayaran (lebih dari 90 hari).")
    String job_retention();

    @Message("Menghitung ringkasan penjualan harian untuk laporan (hari yang sudah tutup).")
    String job_sales_rollup();

    @Message("Mematangkan komisi yang masa tahannya sudah lewat (PENDING → AVAILABLE).")
    String job_commission_maturation();

    @Message("Menyusun ulang statistik harian afiliasi (kemarin dan hari ini).")
    String job_stats_aggregation();

    @Message("Menghapus klik lama di luar masa simpan.")
    String job_click_cleanup();

    @Message("Menempatkan ulang afiliasi ke tier menurut penjualan 90 hari.")
    String job_tier_recalculation();

    @Message("Setelah kunci KTP diganti: menyegel ulang foto KTP dan NIK yang masih memakai kunci lama. Hanya dijalankan manual.")
    String job_ktp_rekey();

    @Message("Melupakan kunci idempoten permintaan pencairan yang lebih tua dari masa simpannya (30 hari).")
    String job_payout_idempotency_retention();
}
