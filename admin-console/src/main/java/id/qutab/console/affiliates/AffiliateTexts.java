package id.qutab.console.affiliates;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Words of the affiliate pages ({@code {affiliates:...}}); English in messages/affiliates_en.properties. */
@MessageBundle(value = "affiliates", locale = "id")
public interface AffiliateTexts {

    @Message("Afiliasi")
    String title();

    @Message("Nama, email, kota, atau kode")
    String search_placeholder();

    @Message("{#when s}{#is 'PENDING'}Menunggu tinjauan{#is 'APPROVED'}Disetujui{#is 'REJECTED'}Ditolak{#is 'SUSPENDED'}Ditangguhkan{#else}{s}{/when}")
    String status_name(String s);

    @Message("Nama")
    String name();

    @Message("Email")
    String email();

    @Message("Kota")
    String city();

    @Message("Kode")
    String code();

    @Message("Tier")
    String tier();

    @Message("Lihat")
    String view();

    @Message("Pendaftaran afiliasi")
    String application();

    @Message("WhatsApp")
    String whatsapp();

    @Message("Instagram")
    String instagram();

    @Message("TikTok")
    String tiktok();

    @Message("Tautan lain")
    String other_links();

    @Message("Alasan mendaftar")
    String reason();

    @Message("Mendaftar pada")
    String applied_at();

    @Message("Jumlah pendaftaran")
    String applications();

    @Message("Foto profil")
    String photo();

    @Message("Bio")
    String bio();

    @Message("Disetujui pada")
    String approved_at();

    @Message("Ditolak pada")
    String rejected_at();

    @Message("Alasan penolakan")
    String rejection_reason();

    @Message("Ditangguhkan pada")
    String suspended_at();

    @Message("Alasan penangguhan")
    String suspension_reason();

    @Message("Setujui")
    String approve();

    @Message("Kode khusus (opsional)")
    String custom_code();

    @Message("Kosongkan untuk kode acak 7 karakter")
    String custom_code_hint();

    @Message("Tolak")
    String reject();

    @Message("Alasan")
    String reason_field();

    @Message("Tangguhkan")
    String suspend();

    @Message("Pulihkan")
    String reinstate();

    @Message("Tangguhkan {name}? Tautannya tidak lagi mencatat rujukan dan tidak ada komisi baru.")
    String confirm_suspend(String name);

    @Message("{name} disetujui dengan kode {code}.")
    String approved(String name, String code);

    @Message("Pendaftaran {name} ditolak.")
    String rejected(String name);

    @Message("{name} ditangguhkan.")
    String suspended(String name);

    @Message("{name} dipulihkan.")
    String reinstated(String name);

    @Message("Rujukan diri")
    String self_referrals();

    @Message("Pesanan yang dibuat afiliasi melalui tautan atau kuponnya sendiri: tidak ada komisi, ditandai untuk ditinjau.")
    String self_referrals_intro();

    @Message("Pesanan")
    String order();

    @Message("Afiliasi")
    String affiliate();

    @Message("Sumber")
    String source();

    @Message("Kupon")
    String coupon();

    @Message("Total pesanan")
    String order_total();

    @Message("Ditandai")
    String flagged_at();

    @Message("Semua rujukan diri")
    String all_self_referrals();

    @Message("Rujukan diri afiliasi ini")
    String self_referrals_of();
}
