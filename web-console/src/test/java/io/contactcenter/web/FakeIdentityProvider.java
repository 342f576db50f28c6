package io.contactcenter.web;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code tools/browser-tests/fake-idp.mjs} as the deployer's identity provider: OIDC discovery, authorization code with
 * PKCE, tokens signed with the suite's dev key. web-console is pointed at it through {@code cc.web.oidc.authority}.
 */
public class FakeIdentityProvider implements QuarkusTestResourceLifecycleManager {

    static final String USER = "oidc-ann";
    static String url;
    private Process process;

    static Path root() {
        return Path.of(System.getProperty("cc.root", "..")).toAbsolutePath().normalize();
    }

    @Override
    public Map<String, String> start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            int port = socket.getLocalPort();
            socket.close();
            process = new ProcessBuilder("node", root().resolve("tools/browser-tests/fake-idp.mjs").toString(),
                    String.valueOf(port), root().resolve(".run/keys/jwt-private.pem").toString(), USER, "agent")
                    .redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            if (first == null || !first.startsWith("fake idp on")) {
                throw new IllegalStateException("fake identity provider did not start: " + first);
            }
            url = "http://localhost:" + port;
            return Map.of("cc.web.oidc.authority", url, "cc.web.oidc.client-id", "desk-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
        }
    }
}
