package io.contactcenter.voice.sip;

import io.contactcenter.voice.config.VoiceConfig;
import io.contactcenter.voice.phone.Phones;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Who may place calls into the gateway: the configured trunks' IPs or CIDR blocks, and trunks that prove who they are
 * with digest credentials (RFC 3261 §22.3, a 407 challenge answered with Proxy-Authorization).
 */
@ApplicationScoped
public class TrunkPolicy {

    /** What an INVITE from outside a dialog gets. */
    public enum Admission { ALLOWED, CHALLENGE, STALE, FORBIDDEN }

    private record Block(BigInteger network, int bits, int length) {
    }

    private final List<Block> blocks = new ArrayList<>();
    private final Map<String, String> accounts = new HashMap<>();
    private final Digest digest;
    private final String realm;

    @jakarta.inject.Inject
    public TrunkPolicy(VoiceConfig config, Digest digest) {
        this(config.sip().trunkSources(), digest, config.sip().realm());
        for (String account : config.sip().trunkAccounts().orElse(List.of())) {
            int colon = account.indexOf(':');
            if (colon <= 0 || colon == account.length() - 1) {
                throw new IllegalArgumentException("cc.voice.sip.trunk-accounts: expected username:password, got an entry without both");
            }
            String user = account.substring(0, colon).trim();
            accounts.put(user, Phones.ha1(user, realm, account.substring(colon + 1)));
        }
    }

    TrunkPolicy(List<String> sources) {
        this(sources, null, "contact-center");
    }

    private TrunkPolicy(List<String> sources, Digest digest, String realm) {
        this.digest = digest;
        this.realm = realm;
        for (String s : sources) {
            String t = s.trim();
            if (t.isEmpty()) {
                continue;
            }
            int slash = t.indexOf('/');
            try {
                byte[] addr = InetAddress.getByName(slash < 0 ? t : t.substring(0, slash)).getAddress();
                int length = addr.length * 8;
                int bits = slash < 0 ? length : Integer.parseInt(t.substring(slash + 1));
                if (bits < 0 || bits > length) {
                    throw new IllegalArgumentException("cc.voice.sip.trunk-sources: bad prefix length in " + t);
                }
                blocks.add(new Block(mask(new BigInteger(1, addr), bits, length), bits, length));
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("cc.voice.sip.trunk-sources: not an IP or CIDR block: " + t);
            }
        }
    }

    /** Whether an INVITE is a trunk's: by its source address, else by its digest credentials when trunks have any. */
    public Admission admit(Request invite, String source) {
        if (allows(source)) {
            return Admission.ALLOWED;
        }
        if (accounts.isEmpty()) {
            return Admission.FORBIDDEN;
        }
        ProxyAuthorizationHeader auth = (ProxyAuthorizationHeader) invite.getHeader(ProxyAuthorizationHeader.NAME);
        if (auth == null) {
            return Admission.CHALLENGE;
        }
        String ha1 = accounts.get(auth.getUsername());
        if (ha1 == null || !realm.equals(auth.getRealm())) {
            return Admission.FORBIDDEN;
        }
        if (!digest.fresh(auth.getNonce())) {
            return Admission.STALE;
        }
        return Digest.matches(auth, Request.INVITE, ha1) ? Admission.ALLOWED : Admission.FORBIDDEN;
    }

    /** 407 with a Proxy-Authenticate challenge ({@code stale}: the credentials were right, the nonce too old). */
    public Response challenge(Request invite, MessageFactory messages, HeaderFactory headers, boolean stale) throws Exception {
        Response r = messages.createResponse(Response.PROXY_AUTHENTICATION_REQUIRED, invite);
        ProxyAuthenticateHeader h = headers.createProxyAuthenticateHeader("Digest");
        digest.challenge(h, stale);
        r.addHeader(h);
        return r;
    }

    public boolean allows(String ip) {
        try {
            byte[] addr = InetAddress.getByName(ip).getAddress();
            BigInteger a = new BigInteger(1, addr);
            for (Block b : blocks) {
                if (b.length() == addr.length * 8 && mask(a, b.bits(), b.length()).equals(b.network())) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static BigInteger mask(BigInteger a, int bits, int length) {
        return a.shiftRight(length - bits).shiftLeft(length - bits);
    }
}
