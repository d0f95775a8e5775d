package id.qutab.identity.notifications;

import id.qutab.identity.support.WhatsAppSandboxResource;
import id.qutab.testing.EventContracts;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.SignedEvents;
import id.qutab.testing.TestJwt;
import id.qutab.whatsapp.sandbox.Message;
import id.qutab.whatsapp.sandbox.WhatsAppSandbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static id.qutab.identity.notifications.People.Person;
import static id.qutab.identity.support.Api.bearer;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The consumer side of the commerce fixtures in {@code contracts/events/} (commerce's producer tests prove it emits
 * their shapes): each fixture, addressed to a registered customer and delivered through the inbox, becomes the
 * WhatsApp message in the sandbox with the parameters read from the fixture's fields. A field renamed on either side
 * shows here as a missing message or a {@code -}/wrong parameter.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = WhatsAppSandboxResource.class, restrictToAnnotatedClass = false)
class CommerceEventContractTest {

    static final String USER = "0b6f5c2e-1d3a-4c1e-9a8b-0000000000b1";

    WhatsAppSandbox sandbox = WhatsAppSandboxResource.sandbox();

    /** The fixture as commerce would send it to this person, under {@code type}; returns the message. */
    Message delivered(String fixture, String type, Person to) throws InterruptedException {
        String payload = EventContracts.fixture(fixture).replace(USER, to.id().toString());
        SignedEvents.deliver(UUID.randomUUID(), type, to.id().toString(), payload).then().statusCode(200)
                .body("outcome", equalTo("APPLIED"));
        WhatsAppMessagesTest.await(type + " in the sandbox", () -> sandbox.messagesTo(to.digits()).size() == 1);
        return sandbox.messagesTo(to.digits()).get(0);
    }

    @Test
    void loyaltyEarnedBecomesPointsAndBalance() throws Exception {
        // English: WhatsAppMessagesTest edits the Indonesian template of this key
        Person p = People.register("Dewi", "customer", "en");
        Message m = delivered("commerce.loyalty", "commerce.loyalty.earned", p);
        assertEquals("loyalty_points_earned", m.templateName());
        assertEquals(List.of("Dewi", "325", "1,325"), m.parameters());
    }

    @Test
    void loyaltyTierChangedUpwardsBecomesTheUpgrade() throws Exception {
        Person p = People.register("Fajar", "customer", "id");
        Message m = delivered("commerce.loyalty", "commerce.loyalty.tier-changed", p);
        assertEquals("loyalty_tier_upgraded", m.templateName());
        assertEquals(List.of("Fajar", "Gold"), m.parameters());
    }

    @Test
    void aBirthdayReminderWithACouponBecomesTheGiftGreeting() throws Exception {
        Person p = People.register("Rina", "customer", "id");
        bearer(TestJwt.customer(p.id())).body("""
                {"whatsapp":{"transactional":true,"promotions":true},"email":{"transactional":true,"promotions":false}}""")
                .put("/api/me/notifications").then().statusCode(200);
        Message m = delivered("commerce.reminder.due", "commerce.reminder.due", p);
        assertEquals("reminder_birthday_gift", m.templateName());
        assertEquals(List.of("Rina", "Aisyah", "ULTAH-7Q2M"), m.parameters());
    }

    @Test
    void orderDistributedBecomesTheMessageWithTheAbsolutePhotoLink() throws Exception {
        Person p = People.register("Siti Aminah", "customer", "id");
        Message m = delivered("commerce.order.distributed", "commerce.order.distributed", p);
        assertEquals("order_distributed", m.templateName());
        assertEquals(List.of("Siti Aminah", "QTB-20261120-0042",
                "https://qutab.test/media/orders/0b6f5c2e-1d3a-4c1e-9a8b-000000000001-1793d3e3.png"), m.parameters());
    }
}
