package id.qutab.console.orders;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Words of the orders pages ({@code {orders:...}}); English in messages/orders_en.properties. */
@MessageBundle(value = "orders", locale = "id")
public interface OrderTexts {

    @Message("Pesanan")
    String title();

    @Message("Nomor pesanan atau nama penerima")
    String search_placeholder();

    @Message("Pembayaran bermasalah")
    String flagged_title();

    @Message("Pembayaran yang tidak diterima sebagai pelunasan: jumlahnya tidak sama dengan total pesanan, dibayar setelah pesanan ditutup, atau dibayar dua kali. Uangnya perlu dikembalikan atau dicocokkan secara manual.")
    String flagged_intro();

    @Message("Nomor")
    String number();

    @Message("Penerima")
    String recipient();

    @Message("Total")
    String total();

    @Message("Dibayar")
    String paid_at();

    @Message("Selesai")
    String completed_at();

    @Message("Pesanan {number}")
    String detail_title(String number);

    @Message("Item")
    String lines();

    @Message("Produk")
    String product();

    @Message("Kategori")
    String category();

    @Message("Harga satuan")
    String unit_price();

    @Message("Jumlah")
    String quantity();

    @Message("Atas nama")
    String on_behalf_of();

    @Message("Subtotal baris")
    String line_total();

    @Message("Subtotal")
    String subtotal();

    @Message("Diskon")
    String discount();

    @Message("Kupon")
    String coupon();

    @Message("Kode referal")
    String referral();

    @Message("Atribusi")
    String attribution();

    @Message("Afiliasi yang dikreditkan")
    String credited_affiliate();

    @Message("Telepon")
    String phone();

    @Message("Lokasi")
    String location();

    @Message("Catatan")
    String notes();

    @Message("Pembayaran")
    String payments();

    @Message("Penyedia")
    String provider();

    @Message("Jumlah tagihan")
    String amount();

    @Message("Jumlah dibayar")
    String paid_amount();

    @Message("Metode")
    String method();

    @Message("Tanda")
    String flag();

    @Message("Pelacakan")
    String tracking();

    @Message("Waktu")
    String at();

    @Message("Foto")
    String photo();

    @Message("Foto distribusi")
    String photo_alt();

    @Message("Lanjutkan ke {status}")
    String advance_to(String status);

    @Message("Catatan untuk pelanggan")
    String note();

    @Message("Foto distribusi (JPEG/PNG/WebP)")
    String photo_file();

    @Message("Pesanan {number} sekarang {status}.")
    String moved(String number, String status);

    @Message("Tambah catatan pelacakan")
    String add_note();

    @Message("Catatan pelacakan ditambahkan.")
    String noted();

    @Message("Pengembalian dana")
    String refund();

    @Message("Alasan")
    String reason();

    @Message("Kembalikan dana")
    String refund_button();

    @Message("Kembalikan dana pesanan {number} sebesar {amount}? Uangnya ditransfer manual.")
    String confirm_refund(String number, String amount);

    @Message("Pesanan {number} dikembalikan dananya ({amount}).")
    String refunded(String number, String amount);

    @Message("Dana dikembalikan {amount} pada {at}: {reason}")
    String refund_done(String amount, String at, String reason);

    @Message("Faktur (PDF)")
    String invoice();

    @Message("Tidak ada langkah berikutnya untuk status ini.")
    String no_next_step();

    @Message("Lihat")
    String open();

    @Message("Pembayaran bermasalah")
    String flagged_link();

    @Message("Jumlah pembayaran tidak sama dengan total pesanan")
    String flag_AMOUNT_MISMATCH();

    @Message("Dibayar setelah pesanan ditutup")
    String flag_PAID_AFTER_CLOSE();

    @Message("Dibayar dua kali")
    String flag_PAID_TWICE();
}
