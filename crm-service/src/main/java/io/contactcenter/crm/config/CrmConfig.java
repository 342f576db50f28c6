package io.contactcenter.crm.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** crm-service settings under {@code cc.crm}. */
@ConfigMapping(prefix = "cc.crm")
public interface CrmConfig {

    Lookup lookup();

    Signals signals();

    Sla sla();

    /**
     * The disposition codes an agent chooses from at wrap-up, in the order the desk shows them. Deployers replace
     * the list with their own (letters, digits and '-').
     */
    @WithDefault("resolved,follow-up-needed,case-opened,callback-scheduled,escalated,information-given,wrong-number,no-action")
    List<String> dispositions();


    interface Lookup {
        /**
         * What a lookup of an unknown number does: false answers 404 at once; true creates a lightweight
         * customer (segment NEW, the number as only identity) so history starts with the first call.
         */
        @WithDefault("false")
        boolean autoCreate();

        /** How far back the contact history of a lookup reaches. */
        @WithDefault("P30D")
        Duration historyWindow();
    }

    interface Signals {
        /**
         * First-contact resolution window: a contact by the same customer about the same issue within
         * this time is a repeat, and the earlier contact was not resolved at first contact.
         */
        @WithDefault("P7D")
        Duration repeatWindow();

        /** Recent-experience window for the abandon and long-wait signals. */
        @WithDefault("P7D")
        Duration recentWindow();

        /** A wait at least this long counts as a long wait. */
        @WithDefault("120")
        int longWaitSeconds();
    }

    /** Hours from registration to the SLA due time, by case priority. */
    interface Sla {
        @WithDefault("PT4H")
        Duration urgent();

        @WithDefault("PT24H")
        Duration high();

        @WithDefault("PT72H")
        Duration normal();

        @WithDefault("PT120H")
        Duration low();
    }
}
