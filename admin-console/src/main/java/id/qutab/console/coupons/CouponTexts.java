package id.qutab.console.coupons;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Words of the coupons pages ({@code {coupons:...}}); English in messages/coupons_en.properties. */
@MessageBundle(value = "coupons", locale = "id")
public interface CouponTexts {

    @Message("Kupon")
    String title();

    @Message("Kode kupon")
    String search_placeholder();

    @Message("Kupon baru")
    String new_coupon();

    @Message("Ubah kupon {code}")
    String edit_title(String code);

    @Message("Kode")
    String code();

    @Message("Jenis diskon")
    String discount_type();

    @Message("Persen")
    String percent();

    @Message("Nominal tetap")
    String fixed();

    @Message("Nilai (persen 1–100 atau rupiah)")
    String discount_value();

    @Message("Diskon")
    String discount();

    @Message("Minimal belanja (rupiah)")
    String min_purchase();

    @Message("Diskon maksimum (rupiah)")
    String max_discount();

    @Message("Berlaku dari (WIB)")
    String valid_from();

    @Message("Berlaku sampai (WIB)")
    String valid_until();

    @Message("Batas pemakaian")
    String usage_limit();

    @Message("Batas per pelanggan")
    String per_customer_limit();

    @Message("Dipakai")
    String used();

    @Message("Afiliasi (ID; kosong = kupon umum)")
    String affiliate();

    @Message("Afiliasi")
    String affiliate_short();

    @Message("Aktif")
    String active();

    @Message("Nonaktif")
    String inactive();

    @Message("Aktifkan")
    String activate();

    @Message("Nonaktifkan")
    String deactivate();

    @Message("Hapus")
    String delete();

    @Message("Hapus kupon {code}? Kupon yang pernah dipakai tidak bisa dihapus, hanya dinonaktifkan.")
    String confirm_delete(String code);

    @Message("Nonaktifkan kupon {code}? Pelanggan tidak bisa memakainya lagi.")
    String confirm_deactivate(String code);

    @Message("Kupon {code} dibuat.")
    String created(String code);

    @Message("Kupon {code} disimpan.")
    String saved(String code);

    @Message("Kupon {code} diaktifkan.")
    String activated(String code);

    @Message("Kupon {code} dinonaktifkan.")
    String deactivated(String code);

    @Message("Kupon {code} dihapus.")
    String deleted(String code);

    @Message("Ubah")
    String edit();

    @Message("Semua afiliasi")
    String any_affiliate();
}
