package io.contactcenter.ivr.flow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Every problem of a flow at once, each with the node it is about: references to missing nodes, unreachable nodes,
 * dead ends, menus without timeout / invalid-input handling or a retry limit, no way to reach a person, menus
 * nested deeper than {@link #MAX_MENU_DEPTH}, unknown variables and invalid expressions.
 */
public final class FlowValidator {

    /** Deeper menus are mazes: callers get lost. */
    public static final int MAX_MENU_DEPTH = 3;
    public static final int MAX_NODES = 500;

    /** Variables every call has, and the ones a CRM lookup fills. */
    public static final Set<String> BUILT_IN = Set.of("caller", "dialed", "callId", "contactId", "language");
    public static final Set<String> FROM_LOOKUP = Set.of("customerId", "name", "segment", "vip", "risk", "riskLevel",
            "openCases", "caseId", "caseStatus", "lastOutcome", "crmAvailable");

    private static final Pattern TEMPLATE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    public record Problem(String node, String message) {
    }

    private FlowValidator() {
    }

    public static List<Problem> validate(FlowDocument flow) {
        List<Problem> problems = new ArrayList<>();
        if (flow.nodes().isEmpty()) {
            problems.add(new Problem(null, "the flow has no nodes"));
            return problems;
        }
        if (flow.nodes().size() > MAX_NODES) {
            // shallow menus need few nodes; the path checks below walk the graph and must stay bounded
            problems.add(new Problem(null, "the flow has " + flow.nodes().size() + " nodes (at most " + MAX_NODES + ")"));
            return problems;
        }
        if (flow.start() == null || flow.node(flow.start()) == null) {
            problems.add(new Problem(null, "start: '" + flow.start() + "' is not a node of this flow"));
        }
        if (flow.escapeToAgent()) {
            Node op = flow.operator() == null ? null : flow.node(flow.operator());
            if (op == null) {
                problems.add(new Problem(null, "operator: '0' must reach a person: name the enqueue or transfer node it"
                        + " leads to, or set agentEscape: false"));
            } else if (!op.reachesPerson()) {
                problems.add(new Problem(flow.operator(), "the operator node must be an enqueue or transfer"));
            }
        }
        Set<String> known = new HashSet<>(BUILT_IN);
        known.addAll(flow.variables());
        flow.nodes().values().forEach(n -> {
            if (n instanceof Node.Collect c && c.variable() != null) {
                known.add(c.variable());
            } else if (n instanceof Node.SetVariable s && s.variable() != null) {
                known.add(s.variable());
            } else if (n instanceof Node.Lookup) {
                known.addAll(FROM_LOOKUP);
            }
        });
        boolean anyPerson = false;
        for (Map.Entry<String, Node> e : flow.nodes().entrySet()) {
            String id = e.getKey();
            Node n = e.getValue();
            if (n == null) {
                problems.add(new Problem(id, "node has no type"));
                continue;
            }
            anyPerson |= n.reachesPerson();
            for (String target : n.targets()) {
                if (target == null || target.isBlank()) {
                    problems.add(new Problem(id, "has an empty target: name the node it leads to"));
                } else if (flow.node(target) == null) {
                    problems.add(new Problem(id, "leads to '" + target + "', which is not a node of this flow"));
                }
            }
            if (!n.terminal() && n.targets().isEmpty()) {
                problems.add(new Problem(id, "dead end: leads nowhere (add next, or end with hangup, transfer, voicemail"
                        + " or enqueue)"));
            }
            checkNode(id, n, known, problems);
        }
        if (!anyPerson) {
            problems.add(new Problem(null, "no way to reach a person: the flow has no enqueue or transfer"));
        }
        if (flow.start() != null && flow.node(flow.start()) != null) {
            Set<String> reached = reachable(flow);
            flow.nodes().keySet().stream().filter(id -> !reached.contains(id))
                    .forEach(id -> problems.add(new Problem(id, "unreachable: no path from start leads here")));
            menuDepth(flow, flow.start(), 0, new LinkedHashSet<>(), new HashMap<>(), problems);
        }
        return problems;
    }

    private static void checkNode(String id, Node n, Set<String> known, List<Problem> problems) {
        if (n instanceof Node.Say s) {
            text(id, s.text(), s.prompt(), known, problems);
        } else if (n instanceof Node.Menu m) {
            text(id, m.text(), m.prompt(), known, problems);
            if ((m.options() == null || m.options().isEmpty()) && (m.intents() == null || m.intents().isEmpty())) {
                problems.add(new Problem(id, "menu without options"));
            }
            if (m.options() != null) {
                m.options().keySet().stream().filter(k -> !k.matches("[0-9#]"))
                        .forEach(k -> problems.add(new Problem(id, "option '" + k + "' is not a single key 0-9 or # ('*' repeats)")));
            }
            if (m.timeoutSeconds() == null) {
                problems.add(new Problem(id, "menu without timeoutSeconds"));
            }
            if (m.noInput() == null) {
                problems.add(new Problem(id, "menu without noInput (where a silent caller goes after the retries)"));
            }
            if (m.noMatch() == null) {
                problems.add(new Problem(id, "menu without noMatch (where invalid input leads after the retries)"));
            }
            if (m.maxRetries() == null || m.maxRetries() < 1 || m.maxRetries() > 5) {
                problems.add(new Problem(id, "menu needs maxRetries between 1 and 5"));
            }
            if (m.confidence() != null && (m.confidence() <= 0 || m.confidence() > 1)) {
                problems.add(new Problem(id, "confidence must be in (0, 1]"));
            }
        } else if (n instanceof Node.Collect c) {
            text(id, c.text(), c.prompt(), known, problems);
            if (c.variable() == null || !c.variable().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                problems.add(new Problem(id, "collect needs a variable name"));
            }
            if (c.maxDigits() == null || c.maxDigits() < 1 || c.maxDigits() > 32) {
                problems.add(new Problem(id, "collect needs maxDigits between 1 and 32"));
            }
            if (c.minDigits() != null && c.maxDigits() != null && c.minDigits() > c.maxDigits()) {
                problems.add(new Problem(id, "minDigits is larger than maxDigits"));
            }
            if (c.pattern() != null) {
                try {
                    Pattern.compile(c.pattern());
                } catch (PatternSyntaxException e) {
                    problems.add(new Problem(id, "pattern is not a regular expression: " + e.getDescription()));
                }
            }
            if (c.checksum() != null && !c.checksum().equals("luhn")) {
                problems.add(new Problem(id, "checksum must be 'luhn'"));
            }
            if (c.noMatch() == null || c.noInput() == null) {
                problems.add(new Problem(id, "collect without noMatch / noInput"));
            }
        } else if (n instanceof Node.Branch b) {
            if (b.otherwise() == null) {
                problems.add(new Problem(id, "branch without otherwise"));
            }
            if (b.conditions() != null) {
                for (Node.Condition c : b.conditions()) {
                    expression(id, c.when(), known, problems);
                }
            }
        } else if (n instanceof Node.SetVariable s) {
            expression(id, s.value(), known, problems);
        } else if (n instanceof Node.HoursCheck h) {
            if ((h.queue() == null) == (h.hours() == null)) {
                problems.add(new Problem(id, "hours needs either queue or hours"));
            } else if (h.hours() != null) {
                h.hours().problems("hours").forEach(p -> problems.add(new Problem(id, p)));
            }
        } else if (n instanceof Node.Enqueue q) {
            if (q.queue() == null || q.queue().isBlank()) {
                problems.add(new Problem(id, "enqueue needs a queue"));
            }
            if (q.attributes() != null) {
                q.attributes().values().forEach(v -> text(id, v, "-", known, problems));
            }
            if (q.hold() != null && q.hold().exitKey() != null && q.hold().exitNode() == null) {
                problems.add(new Problem(id, "hold.exitKey without hold.exitNode"));
            }
        } else if (n instanceof Node.Transfer t && (t.to() == null || t.to().isBlank())) {
            problems.add(new Problem(id, "transfer needs to"));
        } else if (n instanceof Node.CallbackOffer c && (c.queue() == null || c.accepted() == null || c.declined() == null)) {
            problems.add(new Problem(id, "callback needs queue, accepted and declined"));
        } else if (n instanceof Node.SmsOffer o) {
            if (o.message() == null || o.message().isBlank() || o.accepted() == null || o.declined() == null) {
                problems.add(new Problem(id, "sms needs message, accepted and declined"));
            } else if (o.message().length() > 1600) {
                problems.add(new Problem(id, "sms message: at most 1600 characters"));
            }
        }
    }

    private static void text(String id, String text, String prompt, Set<String> known, List<Problem> problems) {
        if (text == null && prompt == null) {
            problems.add(new Problem(id, "needs text or prompt"));
            return;
        }
        if (text != null) {
            Matcher m = TEMPLATE.matcher(text);
            while (m.find()) {
                if (!known.contains(m.group(1))) {
                    problems.add(new Problem(id, "unknown variable '" + m.group(1) + "'"));
                }
            }
        }
    }

    private static void expression(String id, String source, Set<String> known, List<Problem> problems) {
        try {
            Expression e = Expression.parse(source);
            e.variables().stream().filter(v -> !known.contains(v))
                    .forEach(v -> problems.add(new Problem(id, "unknown variable '" + v + "' in '" + source + "'")));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(id, "invalid expression '" + source + "': " + e.getMessage()));
        }
    }

    private static Set<String> reachable(FlowDocument flow) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(flow.start());
        if (flow.escapeToAgent() && flow.operator() != null) {
            todo.add(flow.operator());
        }
        while (!todo.isEmpty()) {
            String id = todo.poll();
            Node n = flow.node(id);
            if (n == null || !seen.add(id)) {
                continue;
            }
            n.targets().stream().filter(java.util.Objects::nonNull).forEach(todo::add);
        }
        return seen;
    }

    /** Menus in a row along any path; each node reported once. */
    private static void menuDepth(FlowDocument flow, String id, int depth, Set<String> path, Map<String, Integer> best,
            List<Problem> problems) {
        Node n = flow.node(id);
        if (n == null || path.contains(id)) {
            return;
        }
        int here = n instanceof Node.Menu ? depth + 1 : depth;
        if (best.getOrDefault(id, -1) >= here) {
            return;
        }
        best.put(id, here);
        if (n instanceof Node.Menu && here == MAX_MENU_DEPTH + 1) {
            problems.add(new Problem(id, "menu nested " + here + " levels deep (at most " + MAX_MENU_DEPTH
                    + "): flatten it, or let callers say what they need"));
        }
        path.add(id);
        for (String t : n.targets()) {
            menuDepth(flow, t, here, path, best, problems);
        }
        path.remove(id);
    }
}
