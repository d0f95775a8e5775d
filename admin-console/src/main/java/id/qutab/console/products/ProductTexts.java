package id.qutab.console.products;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Words of the products pages ({@code {products:...}}); English in messages/products_en.properties. */
@MessageBundle(value = "products", locale = "id")
public interface ProductTexts {

    @Message("Produk")
    String title();

    @Message("Nama produk")
    String search_placeholder();

    @Message("Produk baru")
    String new_product();

    @Message("Ubah {name}")
    String edit_title(String name);

    @Message("Nama")
    String name();

    @Message("Kategori")
    String category();

    @Message("Deskripsi")
    String description();

    @Message("Harga (rupiah)")
    String price();

    @Message("Stok")
    String stock();

    @Message("Berat minimum (kg)")
    String weight_min();

    @Message("Berat maksimum (kg)")
    String weight_max();

    @Message("Aktif (tampil di katalog)")
    String active();

    @Message("Aktif")
    String active_badge();

    @Message("Nonaktif")
    String inactive_badge();

    @Message("Gambar")
    String image();

    @Message("Unggah gambar (JPEG/PNG/WebP)")
    String upload_image();

    @Message("Unggah")
    String upload();

    @Message("Aktifkan")
    String activate();

    @Message("Nonaktifkan")
    String deactivate();

    @Message("Hapus")
    String delete();

    @Message("Hapus {name}? Produk hilang dari katalog dan wishlist; pesanan lama tetap ada.")
    String confirm_delete(String name);

    @Message("{name} dibuat.")
    String created(String name);

    @Message("{name} disimpan.")
    String saved(String name);

    @Message("Gambar {name} diperbarui.")
    String image_saved(String name);

    @Message("{name} diaktifkan.")
    String activated(String name);

    @Message("{name} dinonaktifkan.")
    String deactivated(String name);

    @Message("{name} dihapus.")
    String deleted(String name);

    @Message("Ubah")
    String edit();
}
