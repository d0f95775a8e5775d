package id.qutab.console.payouts;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Words of the payout pages ({@code {payouts:...}}); English in messages/payouts_en.properties. */
@MessageBundle(value = "payouts", locale = "id")
public interface PayoutTexts {

    @Message("Pencairan")
    String title();

    @Message("{#when s}{#is 'REQUESTED'}Diajukan{#is 'APPROVED'}Disetujui{#is 'PAID'}Dibayar{#is 'FAILED'}Gagal{#is 'REJECTED'}Ditolak{#else}{s}{/when}")
    String status_name(String s);

    @Message("Jumlah")
    String amount();

    @Message("Afiliasi")
    String affiliate();

    @Message("Bank")
    String bank();

    @Message("Nomor rekening")
    String account_number();

    @Message("Nama pemilik")
    String account_holder();

    @Message("Diajukan")
    String requested_at();

    @Message("Disetujui")
    String approved_at();

    @Message("Dibayar")
    String paid_at();

    @Message("Gagal pada")
    String failed_at();

    @Message("Alasan gagal")
    String failure_reason();

    @Message("Ditolak pada")
    String rejected_at();

    @Message("Alasan penolakan")
    String rejection_reason();

    @Message("Saldo tersedia saat diajukan")
    String available_before();

    @Message("Referensi transfer")
    String transfer_reference();

    @Message("Tidak teralokasi")
    String unallocated();

    @Message("Lihat")
    String view();

    @Message("Komisi yang dibayar")
    String commissions();

    @Message("Pesanan")
    String order();

    @Message("Diperoleh")
    String earned_at();

    @Message("Komisi")
    String commission_amount();

    @Message("Dialokasikan")
    String allocated();

    @Message("Lunas")
    String fully_paid();

    @Message("Sebagian")
    String partly_paid();

    @Message("Setujui")
    String approve();

    @Message("Setujui pencairan {amount} untuk {holder}?")
    String confirm_approve(String amount, String holder);

    @Message("Tandai dibayar")
    String mark_paid();

    @Message("Sudah mentransfer {amount} ke {holder} ({bank} {number}) dengan referensi ini?")
    String confirm_mark_paid(String amount, String holder, String bank, String number);

    @Message("Gagal transfer")
    String fail();

    @Message("Tandai pencairan {amount} gagal? Jumlahnya kembali ke saldo tersedia afiliasi.")
    String confirm_fail(String amount);

    @Message("Tolak")
    String reject();

    @Message("Tolak pencairan {amount}? Jumlahnya kembali ke saldo tersedia afiliasi.")
    String confirm_reject(String amount);

    @Message("Alasan")
    String reason();

    @Message("Pencairan {amount} disetujui.")
    String approved(String amount);

    @Message("Pencairan {amount} ditandai dibayar ({reference}).")
    String paid(String amount, String reference);

    @Message("Pencairan {amount} ditandai gagal; jumlahnya kembali tersedia.")
    String failed(String amount);

    @Message("Pencairan {amount} ditolak; jumlahnya kembali tersedia.")
    String rejected(String amount);

    @Message("Laporan pencairan (PDF)")
    String statement();

    @Message("Ekspor untuk transfer bank")
    String export_title();

    @Message("File CSV berisi pencairan pada status yang dipilih, diajukan dalam rentang tanggal (WIB, kedua ujung termasuk). Tanpa tanggal: rentang bawaan sampai hari ini.")
    String export_intro();

    @Message("Dari")
    String from();

    @Message("Sampai")
    String to();

    @Message("Terapkan")
    String apply();

    @Message("Unduh CSV ({status})")
    String export_link(String status);
}
