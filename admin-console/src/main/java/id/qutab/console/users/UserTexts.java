package id.qutab.console.users;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Words of the users pages ({@code {users:...}}); English in messages/users_en.properties. */
@MessageBundle(value = "users", locale = "id")
public interface UserTexts {

    @Message("Pengguna")
    String title();

    @Message("Nama, email, atau telepon")
    String search_placeholder();

    @Message("Peran")
    String role();

    @Message("Nama")
    String name();

    @Message("Telepon")
    String phone();

    @Message("Email terverifikasi")
    String verified();

    @Message("Nonaktif")
    String disabled_badge();

    @Message("Aktif")
    String active_badge();

    @Message("Nonaktifkan")
    String disable();

    @Message("Aktifkan")
    String enable();

    @Message("Nonaktifkan {email}? Ia tidak bisa masuk lagi dan sesinya berakhir.")
    String confirm_disable(String email);

    @Message("{email} dinonaktifkan.")
    String disabled(String email);

    @Message("{email} diaktifkan kembali.")
    String enabled(String email);

    @Message("Poin loyalitas")
    String loyalty();
}
