package org.kindred.accounts.mail;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;

/**
 * Sends account mails after the transaction that decided them commits, so a rolled-back request never mails a link
 * that does not work, and the response never waits for the SMTP server: registration answers alike whether a link or
 * a notice goes out. A failed or stalled send ({@code kindred.mail.send-timeout}) is retried three times with back-off,
 * then counted
 * ({@code kindred_mail_failed_total}) and logged by kind only: never the address, never the link.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);

    private final ReactiveMailer mailer;
    private final MailConfig config;
    private final MeterRegistry meters;

    public MailSender(ReactiveMailer mailer, MailConfig config, MeterRegistry meters) {
        this.mailer = mailer;
        this.config = config;
        this.meters = meters;
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutgoingMail mail) {
        send(mail);
    }

    void send(OutgoingMail mail) {
        Mail message = Mail.withText(mail.to(), mail.subject(), mail.text()).setFrom(config.from());
        mailer.send(message)
                // An SMTP conversation that stalls (a lost greeting, a hung server) is abandoned and tried again.
                .ifNoItem().after(config.sendTimeout()).fail()
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(10)).atMost(3)
                .subscribe().with(
                        ok -> meters.counter("kindred.mail.sent", "kind", mail.kind().name()).increment(),
                        failure -> {
                            meters.counter("kindred.mail.failed", "kind", mail.kind().name()).increment();
                            LOG.warnf("Could not send a %s mail: %s", mail.kind(), failure.getClass().getSimpleName());
                        });
    }
}
