package id.qutab.commerce.family;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Body of {@code POST /api/me/family} and {@code PUT /api/me/family/{id}} (PUT replaces every field). */
public record FamilyMemberInput(
        @NotBlank @Size(max = 100) String name,
        @NotNull Relation relation,
        @NotNull LocalDate birthDate) {
}
