package id.qutab.console.notifications;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Words of the notification template and message log pages ({@code {notifications:...}}); English in messages/notifications_en.properties. */
@MessageBundle(value = "notifications", locale = "id")
public interface NotificationTexts {

    @Message("Template pesan")
    String templates_title();

    @Message("Log pesan")
    String messages_title();

    @Message("Versi terbaru setiap template per kanal, kunci, dan bahasa. Mengubah template membuat versi baru; pesan yang sudah terkirim tetap memakai versi yang dipakai saat dikirim.")
    String templates_intro();

    @Message("Template baru")
    String new_template();

    @Message("Template baru menjadi versi 1. Kanal, kunci, dan bahasa tidak bisa diubah sesudahnya; satu kombinasi hanya boleh ada sekali.")
    String new_intro();

    @Message("Template {key} ({locale})")
    String edit_title(String key, String locale);

    @Message("Kanal")
    String channel();

    @Message("{#when channel}{#is 'WHATSAPP'}WhatsApp{#is 'EMAIL'}Email{#else}{channel}{/when}")
    String channel_label(String channel);

    @Message("Kunci")
    String key();

    @Message("Untuk WhatsApp, kunci adalah nama template yang disetujui di WhatsApp Manager (huruf kecil dan garis bawah).")
    String key_hint();

    @Message("Bahasa")
    String locale();

    @Message("{#when locale}{#is 'id'}Bahasa Indonesia (id){#is 'en'}Inggris (en){#else}{locale}{/when}")
    String locale_label(String locale);

    @Message("Kategori")
    String category();

    @Message("{#when category}{#is 'order'}Pesanan{#is 'payout'}Pencairan{#is 'affiliate'}Afiliasi{#is 'loyalty'}Loyalitas{#is 'reminder'}Pengingat{#is 'promotion'}Promosi{#else}{category}{/when}")
    String category_label(String category);

    @Message("Pesanan, pencairan, afiliasi, dan loyalitas adalah pesan transaksional (aktif kecuali penerima memilih berhenti); pengingat dan promosi hanya dikirim kepada yang memilih menerima promosi.")
    String category_hint();

    @Message("Versi")
    String version();

    @Message("Isi")
    String body();

    @Message("Variabel ditulis dengan namanya di antara kurung kurawal ganda, mis.")
    String body_hint();

    @Message("Untuk WhatsApp, nilai variabel dikirim sebagai parameter template menurut urutan kemunculan pertamanya.")
    String body_hint_whatsapp();

    @Message("Variabel (urutan parameter)")
    String variables();

    @Message("Aktif")
    String active();

    @Message("Nonaktif")
    String inactive();

    @Message("Disimpan")
    String saved_at();

    @Message("disimpan {time}")
    String saved(String time);

    @Message("Ubah")
    String edit();

    @Message("Riwayat versi")
    String history();

    @Message("Menyimpan perubahan membuat versi {next}. Versi {current} tetap tersimpan, dan pesan yang sudah dikirim dengannya tetap tercatat dengan versi {current}.")
    String new_version_notice(Object next, Object current);

    @Message("Buat template")
    String create();

    @Message("Simpan sebagai versi {next}")
    String save_new_version(Object next);

    @Message("Nonaktifkan")
    String deactivate();

    @Message("Nonaktifkan template {key} ({locale})? Pesan dengan template ini tidak dikirim lagi dalam bahasa ini.")
    String confirm_deactivate(String key, String locale);

    @Message("Template {key} ({locale}) dibuat, versi {version}.")
    String created(String key, String locale, String version);

    @Message("Template {key} ({locale}) disimpan sebagai versi {version}.")
    String new_version_saved(String key, String locale, String version);

    @Message("Template {key} ({locale}) dinonaktifkan.")
    String deactivated(String key, String locale);

    @Message("Riwayat versi {key} ({locale})")
    String history_title(String key, String locale);

    @Message("Setiap versi tetap tersimpan: log pesan mencatat versi mana yang dipakai untuk setiap pesan.")
    String history_intro();

    @Message("Setiap pesan yang diantrekan atau dikirim, terbaru dulu, dengan versi template yang dipakai dan status pengirimannya dari penyedia. Penerima bisa ditulis +62…, 62…, 08…, atau alamat email.")
    String messages_intro();

    @Message("Penerima")
    String to();

    @Message("{#when status}{#is 'QUEUED'}Antre{#is 'SENT'}Terkirim{#is 'DELIVERED'}Diterima{#is 'READ'}Dibaca{#is 'FAILED'}Gagal{#else}{status}{/when}")
    String status_label(String status);

    @Message("Template")
    String template();

    @Message("Waktu")
    String at();

    @Message("Kesalahan")
    String error();
}
