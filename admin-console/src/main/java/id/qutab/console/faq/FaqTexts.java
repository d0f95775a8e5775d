package id.qutab.console.faq;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Words of the FAQ pages ({@code {faq:...}}); English in messages/faq_en.properties. */
@MessageBundle(value = "faq", locale = "id")
public interface FaqTexts {

    @Message("FAQ (pusat bantuan)")
    String title();

    @Message("Entri baru")
    String new_entry();

    @Message("Ubah entri")
    String edit_title();

    @Message("Kategori")
    String category();

    @Message("Pertanyaan")
    String question();

    @Message("Jawaban")
    String answer();

    @Message("Urutan")
    String sort_order();

    @Message("Tampil di pusat bantuan")
    String active();

    @Message("Tampil")
    String active_badge();

    @Message("Tersembunyi")
    String hidden_badge();

    @Message("Ubah")
    String edit();

    @Message("Hapus")
    String delete();

    @Message("Hapus entri \"{question}\"?")
    String confirm_delete(String question);

    @Message("Entri dibuat.")
    String created();

    @Message("Entri disimpan.")
    String saved();

    @Message("Entri dihapus.")
    String deleted();
}
