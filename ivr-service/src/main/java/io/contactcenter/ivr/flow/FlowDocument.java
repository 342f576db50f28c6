package io.contactcenter.ivr.flow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A call flow as uploaded (JSON or YAML). {@code operator} is where "0" leads from any menu (a person), unless
 * {@code agentEscape} is false; {@code variables} declares variables the flow reads before it sets them (passed in
 * by the edge, for instance).
 */
public record FlowDocument(String name, String language, String start, String operator, Boolean agentEscape,
        List<String> variables, Map<String, Node> nodes) {

    public FlowDocument {
        nodes = nodes == null ? Map.of() : new LinkedHashMap<>(nodes);
        variables = variables == null ? List.of() : List.copyOf(variables);
    }

    public boolean escapeToAgent() {
        return agentEscape == null || agentEscape;
    }

    public Node node(String id) {
        return nodes.get(id);
    }
}
