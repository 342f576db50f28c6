package io.contactcenter.voice.sip;

import io.contactcenter.voice.config.VoiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** Which source addresses may place calls into the gateway: the configured trunks' IPs or CIDR blocks. */
@ApplicationScoped
public class TrunkPolicy {

    private record Block(BigInteger network, int bits, int length) {
    }

    private final List<Block> blocks = new ArrayList<>();

    @jakarta.inject.Inject
    public TrunkPolicy(VoiceConfig config) {
        this(config.sip().trunkSources());
    }

    TrunkPolicy(List<String> sources) {
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
