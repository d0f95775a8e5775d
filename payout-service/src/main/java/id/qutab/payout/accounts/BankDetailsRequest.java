package id.qutab.payout.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code PUT /api/affiliate/bank-account}. {@code bankName} is accepted for symmetry with the response and
 * ignored: the name comes from the bank list. The account-number length is checked against the chosen bank.
 */
public record BankDetailsRequest(
        @NotBlank @Size(max = 20) String bankCode,
        @Size(max = 100) String bankName,
        @NotBlank @Pattern(regexp = "[0-9]{6,20}", message = "must be 6 to 20 digits") String accountNumber,
        @NotBlank @Size(min = 2, max = 100)
        @Pattern(regexp = "\\s*\\p{L}[\\p{L} .,'-]*", message = "must be a name (letters, spaces, . , ' -)")
        String accountHolder,
        @NotBlank @Pattern(regexp = "[0-9]{16}", message = "must be 16 digits") String nik) {
}
