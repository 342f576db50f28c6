package io.contactcenter.ivr.flow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a flow: from a node, through every step that needs no caller input, to the next question or the end. Pure:
 * everything outside (CRM, routing's hours and waits, the clock) comes through {@link Runtime}, so flows are tested
 * and dry-run with scripted inputs and a fixed clock.
 */
public final class FlowEngine {

    /** Steps in one turn before the engine calls it a loop. */
    static final int MAX_STEPS = 64;
    private static final Pattern TEMPLATE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    /** The world a flow runs in. */
    public interface Runtime extends Expression.Functions {
        /** CRM data for the caller (empty: unknown caller); throws {@link LookupFailed} when the CRM did not answer in time. */
        Map<String, Object> lookup(String caller);

        Instant now();
    }

    public static final class LookupFailed extends RuntimeException {
        public LookupFailed(String message) {
            super(message);
        }
    }

    /** Where a call is in its flow. {@code waiting}: the node asked a question and waits for the caller. */
    public record State(String node, Map<String, Object> variables, int retries, boolean waiting) {
    }

    /** An event from the edge: digits, speech (text, confidence), timeout, hangup, played, agent-ended. */
    public record Input(String type, String digits, String text, Double confidence) {
    }

    /** Something the service must do outside the flow. */
    public sealed interface Effect permits EnqueueEffect, CallbackEffect, SurveyEffect, SmsEffect {
    }

    /** The caller chose to go on by SMS: {@code message} to their number, a conversation in {@code queue}. */
    public record SmsEffect(String message, String queue) implements Effect {
    }

    public record EnqueueEffect(String node, Node.Enqueue enqueue, Map<String, String> attributes) implements Effect {
    }

    public record CallbackEffect(String queue) implements Effect {
    }

    public record SurveyEffect(int score) implements Effect {
    }

    public record Rejected(String node, String reason) {
    }

    /**
     * One turn. {@code outcome} is null while the call stays in the IVR; otherwise contained (self-service ended the
     * call), enqueued, transferred, voicemail, callback or abandoned, at {@code state.node}.
     */
    public record Step(List<Action> actions, List<Effect> effects, List<String> entered, List<Rejected> rejected,
            String outcome, State state) {
    }

    private FlowEngine() {
    }

    public static Step start(FlowDocument flow, Map<String, Object> variables, Runtime rt) {
        Turn t = new Turn(flow, rt, new State(flow.start(), new LinkedHashMap<>(variables), 0, false));
        t.run(flow.start());
        return t.step();
    }

    /** Enters {@code node} directly: a hold's exit, the survey after the agent hung up. */
    public static Step startAt(FlowDocument flow, String node, Map<String, Object> variables, Runtime rt) {
        Turn t = new Turn(flow, rt, new State(node, new LinkedHashMap<>(variables), 0, false));
        t.run(node);
        return t.step();
    }

    public static Step onInput(FlowDocument flow, State state, Input input, Runtime rt) {
        Turn t = new Turn(flow, rt, state);
        if ("hangup".equals(input.type())) {
            t.outcome = "abandoned";
            return t.step();
        }
        Node n = flow.node(state.node());
        if (!state.waiting() || n == null) {
            throw new IllegalStateException("the call is not waiting for input at " + state.node());
        }
        t.answer(n, input);
        return t.step();
    }

    /** One turn's bookkeeping. */
    private static final class Turn {
        final FlowDocument flow;
        final Runtime rt;
        final Map<String, Object> vars;
        final List<Action> actions = new ArrayList<>();
        final List<Effect> effects = new ArrayList<>();
        final List<String> entered = new ArrayList<>();
        final List<Rejected> rejected = new ArrayList<>();
        String node;
        int retries;
        boolean waiting;
        String outcome;
        int steps;

        Turn(FlowDocument flow, Runtime rt, State s) {
            this.flow = flow;
            this.rt = rt;
            this.vars = new LinkedHashMap<>(s.variables());
            this.node = s.node();
            this.retries = s.retries();
            this.waiting = s.waiting();
        }

        Step step() {
            return new Step(actions, effects, entered, rejected, outcome, new State(node, vars, retries, waiting));
        }

        /** Enters {@code id} and keeps going until a question or the end. */
        void run(String id) {
            String next = id;
            while (next != null) {
                if (++steps > MAX_STEPS) {
                    throw new IllegalStateException("the flow loops without asking the caller anything (at " + next + ")");
                }
                node = next;
                retries = 0;
                waiting = false;
                entered.add(next);
                next = enter(flow.node(next));
            }
        }

        private String enter(Node n) {
            if (n instanceof Node.Say s) {
                actions.add(Action.say(render(s.text()), s.prompt(), language(s.language())));
                return s.next();
            }
            if (n instanceof Node.Menu || n instanceof Node.Collect || n instanceof Node.CallbackOffer
                    || n instanceof Node.SmsOffer || n instanceof Node.Survey) {
                ask(n, false);
                return null;
            }
            if (n instanceof Node.Lookup l) {
                try {
                    Map<String, Object> found = rt.lookup(String.valueOf(vars.get("caller")));
                    vars.put("crmAvailable", true);
                    if (found.isEmpty()) {
                        return l.notFound() != null ? l.notFound() : l.next();
                    }
                    vars.putAll(found);
                    return l.next();
                } catch (LookupFailed e) {
                    vars.put("crmAvailable", false);
                    return l.onError() != null ? l.onError() : l.next();
                }
            }
            if (n instanceof Node.Branch b) {
                if (b.conditions() != null) {
                    for (Node.Condition c : b.conditions()) {
                        if (Expression.parse(c.when()).test(vars, rt)) {
                            return c.next();
                        }
                    }
                }
                return b.otherwise();
            }
            if (n instanceof Node.HoursCheck h) {
                boolean open = h.hours() != null ? h.hours().isOpen(rt.now()) : rt.hoursOpen(h.queue());
                return open ? h.open() : h.closed();
            }
            if (n instanceof Node.SetVariable s) {
                vars.put(s.variable(), Expression.parse(s.value()).evaluate(vars, rt));
                return s.next();
            }
            if (n instanceof Node.Enqueue q) {
                Map<String, String> attributes = new LinkedHashMap<>();
                if (q.attributes() != null) {
                    q.attributes().forEach((k, v) -> attributes.put(k, render(v)));
                }
                effects.add(new EnqueueEffect(node, q, attributes));
                outcome = "enqueued";
                return null;
            }
            if (n instanceof Node.Transfer t) {
                if (t.text() != null) {
                    actions.add(Action.say(render(t.text()), null, language(null)));
                }
                actions.add(Action.transfer(t.to()));
                outcome = "transferred";
                return null;
            }
            if (n instanceof Node.Voicemail v) {
                if (v.text() != null) {
                    actions.add(Action.say(render(v.text()), null, language(null)));
                }
                actions.add(Action.record(v.mailbox()));
                outcome = "voicemail";
                return null;
            }
            Node.Hangup h = (Node.Hangup) n;
            if (h.text() != null) {
                actions.add(Action.say(render(h.text()), null, language(null)));
            }
            actions.add(Action.hangup());
            outcome = effects.stream().anyMatch(e -> e instanceof CallbackEffect) ? "callback"
                    : effects.stream().anyMatch(e -> e instanceof SmsEffect) ? "deflected" : "contained";
            return null;
        }

        /** Says the node's question and waits; {@code again} after a miss (DTMF-only after unclear speech). */
        private void ask(Node n, boolean keypadOnly) {
            waiting = true;
            if (n instanceof Node.Menu m) {
                actions.add(Action.say(render(m.text()), m.prompt(), language(null)));
                boolean speech = !keypadOnly && m.intents() != null && !m.intents().isEmpty();
                actions.add(Action.gather(1, m.timeout(), speech));
            } else if (n instanceof Node.Collect c) {
                actions.add(Action.say(render(c.text()), c.prompt(), language(null)));
                actions.add(Action.gather(c.maxDigits() + 1, c.timeoutSeconds() == null ? 8 : c.timeoutSeconds(), false));
            } else if (n instanceof Node.CallbackOffer c) {
                actions.add(Action.say(render(c.text()), null, language(null)));
                actions.add(Action.gather(1, 6, false));
            } else if (n instanceof Node.SmsOffer o) {
                actions.add(Action.say(render(o.text()), null, language(null)));
                actions.add(Action.gather(1, 6, false));
            } else if (n instanceof Node.Survey s) {
                actions.add(Action.say(render(s.text()), null, language(null)));
                actions.add(Action.gather(1, 6, false));
            }
        }

        void answer(Node n, Input in) {
            if (n instanceof Node.Menu m) {
                menu(m, in);
            } else if (n instanceof Node.Collect c) {
                collect(c, in);
            } else if (n instanceof Node.SmsOffer o) {
                if ("1".equals(first(in.digits()))) {
                    effects.add(new SmsEffect(render(o.message()), o.queue()));
                    run(o.accepted());
                } else {
                    run(o.declined());
                }
            } else if (n instanceof Node.CallbackOffer c) {
                if ("1".equals(first(in.digits()))) {
                    effects.add(new CallbackEffect(c.queue()));
                    run(c.accepted());
                } else {
                    run(c.declined());
                }
            } else if (n instanceof Node.Survey s) {
                String d = first(in.digits());
                if (d != null && d.matches("[1-5]")) {
                    effects.add(new SurveyEffect(Integer.parseInt(d)));
                    vars.put("csat", Integer.parseInt(d));
                } else {
                    rejected.add(new Rejected(node, "invalid-score"));
                }
                run(s.next());
            }
        }

        private void menu(Node.Menu m, Input in) {
            if ("speech".equals(in.type())) {
                double confidence = in.confidence() == null ? 0 : in.confidence();
                if (confidence < m.threshold()) {
                    miss(m, "low-confidence", m.noMatch(), true);
                    return;
                }
                String said = in.text() == null ? "" : in.text().toLowerCase(Locale.ROOT);
                if (m.intents() != null) {
                    for (Map.Entry<String, Node.Intent> e : m.intents().entrySet()) {
                        if (e.getValue().phrases().stream().anyMatch(p -> said.contains(p.toLowerCase(Locale.ROOT)))) {
                            vars.put("intent", e.getKey());
                            run(e.getValue().next());
                            return;
                        }
                    }
                }
                miss(m, "no-intent", m.noMatch(), true);
                return;
            }
            if ("timeout".equals(in.type()) || first(in.digits()) == null) {
                miss(m, "no-input", m.noInput(), false);
                return;
            }
            String key = first(in.digits());
            if (key.equals("*")) {
                ask(m, false); // repeat, not a mistake
                return;
            }
            if (m.options() != null && m.options().containsKey(key)) {
                run(m.options().get(key));
                return;
            }
            if (key.equals("0") && flow.escapeToAgent()) {
                run(flow.operator());
                return;
            }
            miss(m, "invalid-option", m.noMatch(), false);
        }

        private void collect(Node.Collect c, Input in) {
            if ("timeout".equals(in.type()) || in.digits() == null || in.digits().isEmpty()) {
                retryOr(c, "no-input", c.noInput(), c.retries());
                return;
            }
            String digits = in.digits().endsWith("#") ? in.digits().substring(0, in.digits().length() - 1) : in.digits();
            String reason = null;
            if (!digits.matches("\\d*")) {
                reason = "not-digits";
            } else if (digits.length() > c.maxDigits() || c.minDigits() != null && digits.length() < c.minDigits()) {
                reason = "length";
            } else if (c.pattern() != null && !digits.matches(c.pattern())) {
                reason = "pattern";
            } else if ("luhn".equals(c.checksum()) && !luhn(digits)) {
                reason = "checksum";
            }
            if (reason != null) {
                retryOr(c, reason, c.noMatch(), c.retries());
                return;
            }
            vars.put(c.variable(), digits);
            run(c.next());
        }

        private void miss(Node.Menu m, String reason, String after, boolean keypadOnly) {
            rejected.add(new Rejected(node, reason));
            if (++retries > m.retries()) {
                run(after);
                return;
            }
            if (keypadOnly) {
                actions.add(Action.say("Sorry, I did not understand. Please use your keypad.", null, language(null)));
            }
            ask(m, keypadOnly);
        }

        private void retryOr(Node.Collect c, String reason, String after, int max) {
            rejected.add(new Rejected(node, reason));
            int tries = retries + 1;
            if (tries > max) {
                run(after);
                return;
            }
            ask(c, false);
            retries = tries;
        }

        private String render(String text) {
            if (text == null) {
                return null;
            }
            Matcher m = TEMPLATE.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                Object v = vars.get(m.group(1));
                m.appendReplacement(out, Matcher.quoteReplacement(v == null ? "" : v instanceof Double d
                        && d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(v)));
            }
            m.appendTail(out);
            return out.toString();
        }

        private String language(String explicit) {
            if (explicit != null) {
                return explicit;
            }
            Object lang = vars.get("language");
            return lang != null ? String.valueOf(lang) : flow.language();
        }
    }

    private static String first(String digits) {
        return digits == null || digits.isEmpty() ? null : digits.substring(0, 1);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return !digits.isEmpty() && sum % 10 == 0;
    }
}
