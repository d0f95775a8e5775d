package id.qutab.console.materials;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Words of the promotional materials pages ({@code {materials:...}}); English in messages/materials_en.properties. */
@MessageBundle(value = "materials", locale = "id")
public interface MaterialTexts {

    @Message("Materi promosi")
    String title();

    @Message("Banner dan caption yang dibagikan afiliasi. Yang aktif tampil di aplikasi afiliasi, urut menurut urutan.")
    String intro();

    @Message("Jenis")
    String kind();

    @Message("Banner")
    String kind_banner();

    @Message("Caption")
    String kind_caption();

    @Message("Judul")
    String name();

    @Message("Teks caption")
    String caption();

    @Message("URL gambar")
    String image_url();

    @Message("https://… atau /media/… (wajib untuk banner)")
    String image_hint();

    @Message("Urutan")
    String sort_order();

    @Message("Aktif")
    String active();

    @Message("Nonaktif")
    String inactive();

    @Message("Ubah")
    String edit();

    @Message("Hapus")
    String delete();

    @Message("Materi baru")
    String create_title();

    @Message("Ubah materi")
    String edit_title();

    @Message("Tambah materi")
    String create();

    @Message("Hapus materi \"{name}\"? Afiliasi tidak akan melihatnya lagi.")
    String confirm_delete(String name);

    @Message("Materi \"{name}\" ditambahkan.")
    String created(String name);

    @Message("Materi \"{name}\" disimpan.")
    String updated(String name);

    @Message("Materi dihapus.")
    String deleted();
}
