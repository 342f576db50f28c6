package io.contactcenter.simulator;

import io.contactcenter.devstack.DevStack;
import io.contactcenter.devstack.TopicSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What every benchmark does first and last: its options, the local infrastructure, and its report. */
final class Bench {

    private Bench() {
    }

    /** {@code --name=value} arguments. */
    static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (String a : args) {
            if (a.startsWith("--") && a.contains("=")) {
                opts.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            }
        }
        return opts;
    }

    /**
     * {@code --jvm="..."}: more JVM options for the services a bench starts (space-separated), as the chart's
     * {@code services.<svc>.javaOptions} would add.
     */
    static List<String> jvmOptions(Map<String, String> opts) {
        return Arrays.stream(opts.getOrDefault("jvm", "").split(" ")).filter(o -> !o.isBlank()).toList();
    }

    /** The local broker and database (started if needed), the suite's topics, and the dev key tokens are signed with. */
    static void init() {
        DevStack.ensureInfra();
        TopicSetup.ensure(DevStack.KAFKA_BOOTSTRAP);
        devTokens();
    }

    /** Tokens signed with this checkout's dev key, which the local services trust, for the longest age they accept. */
    static void devTokens() {
        System.setProperty("smallrye.jwt.sign.key.location", DevStack.privateKey().toUri().toString());
        System.setProperty("smallrye.jwt.new-token.issuer", "https://contact-center.local");
        System.setProperty("smallrye.jwt.new-token.lifespan", "43200");
    }

    /**
     * Environment for a service that consumes topics, as a consumer group of its own starting at the topics' end: it
     * takes the load its benchmark makes, not the history earlier runs left on the broker (a fidelity run leaves
     * ~150k events, and replaying them during a measurement up to tripled the IVR's median step latency).
     */
    static Map<String, String> fromTheEnd(String group, Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.put("MP_MESSAGING_CONNECTOR_SMALLRYE_KAFKA_GROUP_ID", group);
        all.put("MP_MESSAGING_INCOMING_CONTACTS_GROUP_ID", group); // ivr names its group on the channel
        all.put("CC_REPORTING_CONSUMER_GROUP", group); // reporting names its own
        all.put("MP_MESSAGING_CONNECTOR_SMALLRYE_KAFKA_AUTO_OFFSET_RESET", "latest");
        return all;
    }

    /** Writes the report, keeping the hand-written "## Analysis" section of the previous one. */
    static void write(Path out, String md) throws IOException {
        Files.createDirectories(out.getParent());
        String existing = Files.exists(out) ? Files.readString(out) : "";
        int notes = existing.indexOf("\n## Analysis");
        Files.writeString(out, md + (notes >= 0 ? existing.substring(notes) : ""));
    }
}
