package io.contactcenter.voice.call;

import io.contactcenter.events.callback.CallbackDialing;
import io.contactcenter.voice.media.Leg;
import io.contactcenter.voice.phone.Phones;
import io.contactcenter.voice.sip.Sdp;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.header.CallIdHeader;
import org.jboss.logging.Logger;

/**
 * A callback's dial-out: the customer is called through the trunk; the real SIP answer decides the outcome reported
 * to callback-service (2xx ANSWERED, 486/600 BUSY, 404/484/604 INVALID_NUMBER, no answer in time or a decline
 * NO_ANSWER). An answered customer is bridged with the agent's registered phone; an agent working without a phone
 * talks through the desk's own audio path, and the call ends when routing completes the contact.
 */
final class OutboundCall implements Runnable {

    private static final Logger LOG = Logger.getLogger(OutboundCall.class);
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** status: a final response code, 0 for a BYE, -1 for routing's completion. */
    private record Event(PlacedLeg party, int status) {
    }

    private final CallServices s;
    private final CallbackDialing dialing;
    private final Pool pool;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    final String contactId;

    OutboundCall(CallServices services, CallbackDialing dialing, Pool pool) {
        this.s = services;
        this.dialing = dialing;
        this.pool = pool;
        this.contactId = dialing.callbackId() + "-" + dialing.attempt();
    }

    void completedByRouting() {
        events.add(new Event(null, -1));
    }

    @Override
    public void run() {
        Thread.currentThread().setName("dial-" + contactId);
        PlacedLeg customer = party();
        PlacedLeg agent = null;
        int status = 0;
        CallMedia media = new CallMedia(s.quality().now());
        String ended = "error";
        try {
            String uri = s.config().dial().trunkUri().orElseThrow().replace("{number}", dialing.phone());
            customer.invite = s.sip().invite(uri, s.config().dial().callerId(), dialing.phone(),
                    Sdp.offer(customer.media.address(), customer.media.port()));
            s.calls().indexOutbound(customer);
            status = awaitFinal(customer, s.config().dial().timeout());
            String outcome = outcome(status);
            report(outcome, status);
            if (status / 100 != 2) {
                return;
            }
            s.calls().indexDial(contactId, this);
            agent = ringAgent();
            boolean agentOn = agent != null;
            while (true) {
                Event e = events.poll(s.config().rtp().timeout().toMillis(), TimeUnit.MILLISECONDS);
                if (e == null) {
                    if (customer.media.stats().sinceLastPacketMillis() > s.config().rtp().timeout().toMillis()) {
                        ended = "rtp-timeout";
                        break; // the customer's media died
                    }
                    continue;
                }
                if (e.party() == null) {
                    ended = "desk-completed";
                    break; // routing completed the contact at the desk
                }
                if (e.party() == agent && e.status() == 200) {
                    customer.media.bridge(agent.media);
                    media.bridged(dialing.agentId(), customer.media);
                    continue;
                }
                if (e.party() == agent && e.status() != 200) {
                    agentOn = false;
                    if (e.status() == 0) {
                        ended = "agent-hung-up";
                        break; // the agent hung up: the callback is done
                    }
                    continue; // the agent's phone did not answer: the desk still has the call
                }
                if (e.party() == customer && e.status() == 0) {
                    ended = "customer-hung-up";
                    customer.dialog = null; // hung up on their side
                    break;
                }
            }
            if (agentOn || agent != null) {
                end(agent);
            }
            s.edge().complete(contactId).await().atMost(WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf("dial-out of callback %s failed: %s", dialing.callbackId(), e.getMessage());
            if (status == 0) {
                report("NO_ANSWER", 500);
            }
        } finally {
            end(customer);
            if (agent != null) {
                media.unbridged(customer.media, agent.media);
                agent.media.close();
                s.calls().removeOutbound(agent);
            }
            if (customer.answered) {
                s.log().ended(s.quality().callEnded(callId(customer), contactId, dialing.callbackId(), "OUTBOUND", ended, media,
                        customer.media.stats()));
            }
            customer.media.close();
            s.calls().removeOutbound(customer);
            s.calls().removeDial(contactId, this);
        }
    }

    private static String callId(PlacedLeg p) {
        return ((CallIdHeader) p.invite.getRequest().getHeader(CallIdHeader.NAME)).getCallId();
    }

    /** A leg of this call: its SIP happenings go to the call's queue. */
    private PlacedLeg party() {
        return new PlacedLeg(s.media().open(), (leg, status) -> events.add(new Event(leg, status)));
    }

    private int awaitFinal(PlacedLeg p, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Event e = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
            if (e == null) {
                s.sip().cancel(p.invite); // rang long enough: NO_ANSWER; the 487 that follows is not waited for
                Event after = events.poll(3, TimeUnit.SECONDS);
                return after != null && after.party() == p && after.status() == 200 ? 200 : 408;
            }
            if (e.party() == p && e.status() != 0) {
                return e.status();
            }
        }
    }

    private PlacedLeg ringAgent() {
        if (dialing.agentId() == null) {
            return null;
        }
        Phones.Binding phone = s.phones().binding(dialing.agentId());
        if (phone == null) {
            return null;
        }
        PlacedLeg agent = party();
        try {
            agent.invite = s.sip().invite(phone.contactUri(), dialing.phone().replace("+", ""), dialing.agentId(),
                    Sdp.offer(agent.media.address(), agent.media.port()));
            s.calls().indexOutbound(agent);
            return agent;
        } catch (Exception e) {
            LOG.infof("callback %s: agent %s's phone not rung (%s)", dialing.callbackId(), dialing.agentId(), e.getMessage());
            agent.media.close();
            return null;
        }
    }

    private void end(PlacedLeg p) {
        if (p == null) {
            return;
        }
        if (p.answered && p.dialog != null) {
            s.sip().bye(p.dialog);
            p.dialog = null;
        } else if (!p.answered && p.invite != null) {
            s.sip().cancel(p.invite);
        }
    }

    private void report(String outcome, int status) {
        pool.preparedQuery("update voice_dial set outcome = $3, sip_status = $4 where callback_id = $1 and attempt = $2")
                .execute(Tuple.of(dialing.callbackId(), dialing.attempt(), outcome, status)).subscribe().with(ok -> { }, e -> { });
        s.metrics().counter("cc_voice_dials_total", "outcome", outcome).increment();
        try {
            s.edge().outcome(dialing.callbackId(), outcome).await().atMost(WAIT);
        } catch (RuntimeException e) {
            LOG.warnf("callback %s: outcome %s not taken by callback-service (%s)", dialing.callbackId(), outcome, e.getMessage());
        }
    }

    /** What a SIP final response means for a callback attempt. */
    static String outcome(int status) {
        if (status / 100 == 2) {
            return "ANSWERED";
        }
        return switch (status) {
            case 486, 600 -> "BUSY";
            case 404, 410, 484, 485, 604 -> "INVALID_NUMBER";
            default -> "NO_ANSWER"; // 408/480/487 no answer in time, 603 declined, 5xx the trunk failed: try again later
        };
    }
}
