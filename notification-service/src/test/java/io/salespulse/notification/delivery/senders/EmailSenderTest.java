package io.salespulse.notification.delivery.senders;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class EmailSenderTest {

    private static String messageId(String deliveryId) throws Exception {
        MimeMessage message = EmailSender.withStableId(Session.getInstance(new Properties()), deliveryId);
        message.setText("x");
        message.saveChanges();
        return message.getMessageID();
    }

    @Test
    void everyAttemptOfADeliveryCarriesTheSameMessageId() throws Exception {
        assertThat(messageId("d7f3|mgr-camille|email"))
                .isEqualTo(messageId("d7f3|mgr-camille|email"))
                .isEqualTo("<d7f3-mgr-camille-email@salespulse>");
        assertThat(messageId("another")).isNotEqualTo(messageId("d7f3|mgr-camille|email"));
    }
}
