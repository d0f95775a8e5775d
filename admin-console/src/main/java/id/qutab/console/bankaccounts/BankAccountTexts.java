package id.qutab.console.bankaccounts;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Words of the bank account pages ({@code {bankaccounts:...}}); English in messages/bankaccounts_en.properties. */
@MessageBundle(value = "bankaccounts", locale = "id")
public interface BankAccountTexts {

    @Message("Rekening bank")
    String title();

    @Message("{#when s}{#is 'UNVERIFIED'}Belum lengkap{#is 'PENDING'}Menunggu verifikasi{#is 'VERIFIED'}Terverifikasi{#is 'REJECTED'}Ditolak{#else}{s}{/when}")
    String status_name(String s);

    @Message("Bank")
    String bank();

    @Message("Nomor rekening")
    String account_number();

    @Message("Nama pemilik")
    String account_holder();

    @Message("NIK")
    String nik();

    @Message("Kode afiliasi")
    String affiliate_code();

    @Message("KTP")
    String ktp();

    @Message("Sudah diunggah")
    String ktp_uploaded();

    @Message("Belum diunggah")
    String ktp_missing();

    @Message("Diubah")
    String details_updated();

    @Message("Terverifikasi pada")
    String verified_at();

    @Message("Ditolak pada")
    String rejected_at();

    @Message("Alasan penolakan")
    String rejection_reason();

    @Message("Lihat")
    String view();

    @Message("Lihat KTP")
    String view_ktp();

    @Message("Setiap kali KTP dibuka, layanan pencairan mencatat siapa yang membukanya dan kapan. Buka hanya untuk memverifikasi rekening.")
    String ktp_logged();

    @Message("KTP {holder}")
    String ktp_title(String holder);

    @Message("Riwayat akses KTP")
    String ktp_audit();

    @Message("Admin")
    String audit_admin();

    @Message("Waktu")
    String audit_at();

    @Message("ID permintaan")
    String audit_request();

    @Message("Bandingkan nama pemilik dan NIK dengan KTP sebelum memverifikasi.")
    String compare_hint();

    @Message("Verifikasi")
    String verify();

    @Message("Verifikasi rekening {holder} ({bank} {number})?")
    String confirm_verify(String holder, String bank, String number);

    @Message("Tolak")
    String reject();

    @Message("Alasan")
    String reason();

    @Message("Rekening {holder} terverifikasi.")
    String verified(String holder);

    @Message("Rekening {holder} ditolak.")
    String rejected(String holder);
}
