package id.qutab.commerce.family;

import java.time.LocalDate;
import java.util.UUID;

/** A family member as the API shows it (API.md). */
public record FamilyMemberView(UUID id, String name, Relation relation, LocalDate birthDate) {

    static FamilyMemberView of(FamilyMember m) {
        return new FamilyMemberView(m.id, m.name, m.relation, m.birthDate);
    }
}
