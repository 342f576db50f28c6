package io.contactcenter.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A wallboard-like reader in a process of its own: GETs {@code url} every {@code pauseMs} and prints each latency in
 * milliseconds on a line of its own, until its input closes. The reporting bench starts it with a small serial-GC heap,
 * so what it measures is the service and the machine's scheduling, not the pauses of the bench JVM that produces the
 * load (a wallboard is a browser elsewhere). JDK classes only: it runs from the simulator's classes directory alone.
 */
public final class ReadProbe {

    private ReadProbe() {
    }

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        String authorization = args[1];
        long pauseMs = Long.parseLong(args[2]);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", authorization).build();
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the bench closes our input when it is done
                }
            } catch (java.io.IOException ignored) {
                // same: the bench is gone
            }
            System.exit(0);
        });
        watchdog.setDaemon(true);
        watchdog.start();
        while (true) {
            long t0 = System.nanoTime();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            double ms = (System.nanoTime() - t0) / 1e6;
            System.out.println(response.statusCode() == 200 ? Double.toString(ms) : "status " + response.statusCode());
            Thread.sleep(pauseMs);
        }
    }
}
