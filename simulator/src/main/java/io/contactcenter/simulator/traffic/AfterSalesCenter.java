package io.contactcenter.simulator.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small after-sales center provisioned through the suite's APIs: the queues the shipped {@code after-sales} flow
 * uses, three teams of agents with penalty tiers, callback policies that return abandoned calls, CRM customers (a
 * quarter with an open service request) and a number bound to the flow. Idempotent: running it again reuses what
 * exists.
 */
public final class AfterSalesCenter {

    public static final List<String> QUEUES = List.of("support", "repairs", "complaints", "vip");
    public static final String FLOW = "after-sales";

    /** What was provisioned: the number callers dial, the agents and the customers' numbers. */
    public record Provisioned(String ivrNumber, List<String> agents, List<String> customerNumbers) {
    }

    private AfterSalesCenter() {
    }

    /**
     * @param agentPrefix prefix of agent ids (a test uses its own)
     * @param phoneBase first customer number's national digits after +4930 (8 digits)
     * @param wrapUpSeconds wrap-up after every call
     * @param offerTimeoutSeconds how long an offer rings before routing takes it back
     */
    public static Provisioned provision(Api api, String agentPrefix, int phoneBase, String ivrNumber, int customers,
            int wrapUpSeconds, int offerTimeoutSeconds) {
        String admin = api.token("admin");
        for (String queue : QUEUES) {
            Map<String, Object> definition = new LinkedHashMap<>();
            definition.put("name", queue);
            definition.put("strategy", queue.equals("vip") ? "BEST_SKILL_MATCH" : "LONGEST_IDLE");
            definition.put("serviceLevelSeconds", 20);
            definition.put("wrapUpSeconds", wrapUpSeconds);
            definition.put("offerTimeoutSeconds", offerTimeoutSeconds);
            api.call("routing", "PUT", "/routing/queues/" + queue, admin, definition);
            if (!queue.equals("vip")) {
                // abandoned calls are returned at any hour: a demo runs whenever it is started
                Map<String, Object> weekly = new LinkedHashMap<>();
                for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
                    weekly.put(day, List.of(Map.of("open", "00:00", "close", "23:59")));
                }
                api.call("callback", "PUT", "/callbacks/policies/" + queue, admin, Map.of("maxAttempts", 1,
                        "minRetryIntervalSeconds", 60, "backoffMultiplier", 1.0, "maxPerNumberPerDay", 20,
                        "minAbandonWaitSeconds", 3, "autoReturnAbandoned", true, "timeZone", "Etc/UTC",
                        "callingHours", Map.of("weekly", weekly, "holidays", List.of())));
            }
        }
        List<String> agents = new ArrayList<>();
        // the repairs team, the support team, and seniors who take VIPs and complaints first; penalties make each
        // team the overflow of another
        team(api, admin, agents, agentPrefix + "repairs-", 6, Map.of("repairs", 0, "support", 1), Map.of("tyres", 4));
        team(api, admin, agents, agentPrefix + "support-", 5, Map.of("support", 0, "complaints", 1, "repairs", 2),
                Map.of("billing", 3));
        team(api, admin, agents, agentPrefix + "senior-", 3, Map.of("vip", 0, "complaints", 0, "support", 2),
                Map.of("tyres", 5, "billing", 5));
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            String phone = "+4930" + (phoneBase + i);
            numbers.add(phone);
            customer(api, admin, phone, i);
        }
        api.call("ivr", "PUT", "/ivr/numbers/" + ivrNumber, admin, Map.of("flowId", FLOW));
        return new Provisioned(ivrNumber, List.copyOf(agents), List.copyOf(numbers));
    }

    private static void team(Api api, String admin, List<String> agents, String prefix, int size,
            Map<String, Integer> penalties, Map<String, Integer> skills) {
        for (int i = 1; i <= size; i++) {
            String id = prefix + i;
            Map<String, Object> memberships = new LinkedHashMap<>();
            penalties.forEach((queue, penalty) -> memberships.put(queue, Map.of("level", 1, "penalty", penalty, "weight", 1)));
            api.call("routing", "PUT", "/routing/agents/" + id, admin, Map.of("name", id, "skills", skills,
                    "queues", memberships, "capacity", Map.of("VOICE", 1, "CALLBACK", 1)));
            agents.add(id);
        }
    }

    private static void customer(Api api, String admin, String phone, int i) {
        String segment = i % 10 == 0 ? "VIP" : i % 5 == 1 ? "NEW" : "STANDARD";
        Api.Reply created = api.send("crm", "POST", "/crm/customers", admin, Map.of("displayName", "Customer " + (i + 1),
                "language", "en", "segment", segment, "phones", List.of(phone),
                "attributes", Map.of("tyreBrand", i % 2 == 0 ? "Nordic Winter" : "Summit All-Season")));
        if (created.status() == 409) {
            return; // provisioned by an earlier run, with its case
        }
        if (!created.ok()) {
            throw new Api.ApiException("creating customer " + (i + 1) + " answered " + created.status() + ": " + created.body(), null);
        }
        if (i % 4 == 2) {
            JsonNode customer = created.body();
            api.call("crm", "POST", "/crm/cases", admin, Map.of("customerId", customer.path("customerId").asText(),
                    "category", "FAULT_REPORT", "productLine", "tyres", "subject", "Puncture repair under warranty"));
        }
    }
}
