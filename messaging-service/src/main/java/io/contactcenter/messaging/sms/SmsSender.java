package io.contactcenter.messaging.sms;

import io.contactcenter.events.Channel;
import io.contactcenter.messaging.config.MessagingConfig;
import io.contactcenter.messaging.delivery.ChannelSender;
import io.contactcenter.messaging.delivery.Job;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/** SMS replies: split into provider messages when long, sent in order, within the sending hours when unasked. */
@ApplicationScoped
public class SmsSender implements ChannelSender {

    private final SmsProvider provider;
    private final MessagingConfig.Sms config;

    public SmsSender(SmsProvider provider, MessagingConfig config) {
        this.provider = provider;
        this.config = config.sms();
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public boolean enabled() {
        return provider.enabled();
    }

    @Override
    public Instant allowedFrom(Job job, Instant now) {
        return SendingHours.nextAllowed(now, ZoneId.of(config.timeZone()), config.sendFrom(), config.sendUntil());
    }

    @Override
    public Uni<List<String>> send(Job job) {
        String callback = config.publicUrl().map(u -> u.replaceAll("/+$", "") + "/messaging/sms/twilio/status").orElse(null);
        // parts one after the other, so they arrive in order
        return Multi.createFrom().iterable(SmsText.split(job.text(), config.maxMessageLength()))
                .onItem().transformToUniAndConcatenate(part -> provider.send(job.recipient(), part, callback))
                .collect().asList();
    }

    /** The sending-hours rule, pure. */
    public static final class SendingHours {
        private SendingHours() {
        }

        /** {@code now} if it is within [from, until) on the zone's clock, else the next {@code from}. */
        public static Instant nextAllowed(Instant now, ZoneId zone, LocalTime from, LocalTime until) {
            ZonedDateTime local = now.atZone(zone);
            LocalTime t = local.toLocalTime();
            if (!t.isBefore(from) && t.isBefore(until)) {
                return now;
            }
            ZonedDateTime next = local.with(from);
            if (!t.isBefore(from)) {
                next = next.plusDays(1);
            }
            return next.toInstant();
        }
    }
}
