package io.contactcenter.ivr.store;

import io.contactcenter.ivr.config.IvrConfig;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.logging.Logger;

/** Installs the shipped after-sales flow as {@code after-sales} (published) on a fresh database. */
@ApplicationScoped
public class SampleFlow {

    private static final Logger LOG = Logger.getLogger(SampleFlow.class);
    public static final String ID = "after-sales";

    void install(@Observes StartupEvent startup, FlowStore store, Pool pool, IvrConfig config) throws IOException {
        if (!config.sampleFlow()) {
            return;
        }
        boolean exists = pool.preparedQuery("select 1 from ivr_flow where flow_id = $1").execute(Tuple.of(ID))
                .await().atMost(Duration.ofSeconds(10)).size() > 0;
        if (exists) {
            return;
        }
        try (InputStream in = SampleFlow.class.getResourceAsStream("/flows/after-sales.yaml")) {
            String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            store.saveDraft(ID, source, true, "ivr-service").chain(v -> store.publish(ID)).await().atMost(Duration.ofSeconds(10));
            LOG.info("installed the sample flow 'after-sales'");
        } catch (RuntimeException e) {
            // another replica installed it at the same moment: fine
            LOG.debugf("sample flow not installed: %s", e.getMessage());
        }
    }
}
