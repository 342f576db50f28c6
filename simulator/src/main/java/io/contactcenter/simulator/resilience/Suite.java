package io.contactcenter.simulator.resilience;

import io.contactcenter.devstack.DevStack;
import io.contactcenter.devstack.ServiceProcess;
import io.contactcenter.devstack.TcpProxy;
import io.contactcenter.devstack.Tokens;
import io.contactcenter.devstack.TopicSetup;
import io.contactcenter.simulator.traffic.Api;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The whole suite as separate processes, wired as {@code ./contact-center up} wires it, with two routing replicas
 * behind a balancer (as a Kubernetes Service spreads connections over a deployment's pods): the IVR and the desks
 * reach routing through it. Every process keeps its port across restarts, so the services that call it find it again.
 * Each consumes as a group of its own from the topics' end, so it takes the run's events, not the tests' history.
 */
public final class Suite implements AutoCloseable {

    /** The processes, by the name a scenario uses; the routing replicas run the routing jar. */
    static final List<String> PROCESSES = List.of("routing-a", "routing-b", "crm", "callback", "ivr", "reporting");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String group = "resilience-" + Long.toString(System.currentTimeMillis(), 36);
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> running = new LinkedHashMap<>();
    private final TcpProxy routing;
    private final String serviceToken = Tokens.bearer("service").substring("Bearer ".length());
    private final List<String> jvm;
    /** inbox duplicates counted by processes that are gone (killed or restarted), summed when they went */
    private double absorbedByGone;

    public Suite(List<String> jvm) {
        this.jvm = jvm;
        PROCESSES.forEach(p -> ports.put(p, ServiceProcess.freePort()));
        routing = new TcpProxy(ports.get("routing-a"), ports.get("routing-b"));
    }

    public void startAll() {
        // Each group starts at the topics' end with offsets committed for every partition, so a partition that moves to
        // another replica before its first commit is read from there on; "auto.offset.reset=latest" would skip what
        // arrived on it in between.
        for (String service : List.of("routing", "ivr", "callback", "crm", "reporting")) {
            TopicSetup.skipToEnd(DevStack.KAFKA_BOOTSTRAP, group + "-" + service);
        }
        // side by side: six JVMs starting one after another take a minute and a half on two cores
        Map<String, CompletableFuture<ServiceProcess>> starting = new LinkedHashMap<>();
        PROCESSES.forEach(p -> starting.put(p, CompletableFuture.supplyAsync(() -> launch(p))));
        starting.forEach((p, f) -> running.put(p, f.join()));
    }

    void start(String name) {
        if (running.containsKey(name)) {
            throw new IllegalStateException(name + " is already running");
        }
        running.put(name, launch(name));
    }

    private ServiceProcess launch(String name) {
        return ServiceProcess.start(service(name), ports.get(name), env(name), jvm);
    }

    /** kill -9. */
    void kill(String name) {
        ServiceProcess p = running.remove(name);
        absorbedByGone += duplicatesAbsorbed(p);
        p.crash();
    }

    ServiceProcess process(String name) {
        return running.get(name);
    }

    /** The APIs as the simulator's edge and desks use them, routing through the balancer. */
    Api api(Duration patience) {
        Map<String, URI> bases = new HashMap<>();
        bases.put("routing", URI.create("http://localhost:" + routing.port()));
        for (String s : List.of("crm", "callback", "ivr", "reporting")) {
            bases.put(s, URI.create("http://localhost:" + ports.get(s)));
        }
        return new Api(bases, patience);
    }

    /** Whether {@code name} answers its readiness probe with 200 now. */
    boolean ready(String name) {
        try {
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(url(name, "/q/health/ready")))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Inbox duplicates skipped (redeliveries absorbed) by every process since the suite started, gone ones included. */
    double duplicatesAbsorbed() {
        return absorbedByGone + running.values().stream().mapToDouble(Suite::duplicatesAbsorbed).sum();
    }

    /** Resident set sizes in KiB, by process. */
    public Map<String, Long> rss() {
        Map<String, Long> out = new LinkedHashMap<>();
        running.forEach((name, p) -> out.put(name, p.rssKiB()));
        return out;
    }

    String url(String name, String path) {
        return "http://localhost:" + ports.get(name) + path;
    }

    String group() {
        return group;
    }

    private static double duplicatesAbsorbed(ServiceProcess p) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(p.url("/q/metrics")))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return r.body().lines().filter(l -> l.startsWith("cc_inbox_events_total{") && l.contains("result=\"duplicate\""))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        } catch (IOException | RuntimeException e) {
            return 0; // frozen or already gone: what it absorbed is not known
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /**
     * Seven processes with the default pool of 20 each (with a replay) would need more than PostgreSQL's default 100
     * connections; the scenario's load needs far fewer.
     */
    static Map<String, String> smallPool(String name) {
        return Map.of("QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE", name.startsWith("routing") ? "8" : "6");
    }

    private static String service(String name) {
        return name.startsWith("routing") ? "routing" : name;
    }

    private Map<String, String> env(String name) {
        Map<String, String> env = new HashMap<>(smallPool(name));
        env.put("MP_MESSAGING_CONNECTOR_SMALLRYE_KAFKA_GROUP_ID", group + "-" + service(name));
        // the services that name a group on a channel (an env var for a channel a service lacks would declare it)
        switch (service(name)) {
            case "routing" -> env.put("MP_MESSAGING_INCOMING_ROUTING_COMMANDS_GROUP_ID", group + "-routing");
            case "ivr", "callback" -> env.put("MP_MESSAGING_INCOMING_CONTACTS_GROUP_ID", group + "-" + name);
            case "reporting" -> env.put("CC_REPORTING_CONSUMER_GROUP", group + "-reporting");
            default -> { }
        }
        switch (name) {
            case "ivr" -> {
                env.put("CC_IVR_CRM_URL", url("crm", ""));
                env.put("CC_IVR_ROUTING_URL", "http://localhost:" + routing.port());
                env.put("CC_IVR_CALLBACK_URL", url("callback", ""));
                env.put("CC_IVR_SERVICE_TOKEN", serviceToken);
            }
            case "callback" -> {
                env.put("CC_CALLBACK_CRM_URL", url("crm", ""));
                env.put("CC_CALLBACK_CRM_TOKEN", serviceToken);
            }
            default -> { }
        }
        return env;
    }

    @Override
    public void close() {
        running.values().forEach(p -> {
            try {
                p.resume(); // a frozen process cannot take SIGTERM
            } catch (RuntimeException gone) {
                // already exited
            }
            p.close();
        });
        running.clear();
        routing.close();
    }
}
