package io.contactcenter.ivr.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The small expression language of branch conditions and {@code set} values: string ('VIP'), number and boolean
 * literals, variables, {@code == != < <= > >=}, {@code && || !}, parentheses and the functions
 * {@code hoursOpen('queue')}, {@code queueEwt('queue')}, {@code isSet(variable)}. Parsed once, evaluated per call.
 * Unknown variables evaluate to null; comparisons with null are false.
 */
public final class Expression {

    /** What an expression can ask of the outside world while it runs. */
    public interface Functions {
        boolean hoursOpen(String queueId);

        /** Estimated wait in seconds, null when unknown (nobody staffed, routing unreachable). */
        Double queueEwt(String queueId);
    }

    private sealed interface Expr permits Literal, Var, Unary, Binary, Call {
    }

    private record Literal(Object value) implements Expr {
    }

    private record Var(String name) implements Expr {
    }

    private record Unary(String op, Expr operand) implements Expr {
    }

    private record Binary(String op, Expr left, Expr right) implements Expr {
    }

    private record Call(String function, String argument) implements Expr {
    }

    static final Set<String> FUNCTIONS = Set.of("hoursOpen", "queueEwt", "isSet");

    private final Expr root;

    private Expression(Expr root) {
        this.root = root;
    }

    /** Conditions are short; these bounds keep parsing and evaluation (both recursive) far from the stack's end. */
    static final int MAX_TOKENS = 200;
    static final int MAX_NESTING = 32;

    public static Expression parse(String source) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("empty expression");
        }
        List<String> tokens = tokens(source);
        if (tokens.size() > MAX_TOKENS) {
            throw new IllegalArgumentException("expression too long: " + tokens.size() + " tokens (at most " + MAX_TOKENS + ")");
        }
        Parser p = new Parser(tokens);
        Expr e = p.or();
        if (p.pos < p.tokens.size()) {
            throw new IllegalArgumentException("unexpected '" + p.tokens.get(p.pos) + "'");
        }
        return new Expression(e);
    }

    /** Every variable the expression reads (function arguments excluded, except isSet's). */
    public Set<String> variables() {
        Set<String> out = new java.util.LinkedHashSet<>();
        collect(root, out);
        return out;
    }

    public Object evaluate(Map<String, Object> variables, Functions functions) {
        return eval(root, variables, functions);
    }

    public boolean test(Map<String, Object> variables, Functions functions) {
        return Boolean.TRUE.equals(evaluate(variables, functions));
    }

    // Java 17: instanceof chains instead of pattern-matching switches
    private static void collect(Expr e, Set<String> out) {
        if (e instanceof Var v) {
            out.add(v.name());
        } else if (e instanceof Unary u) {
            collect(u.operand(), out);
        } else if (e instanceof Binary b) {
            collect(b.left(), out);
            collect(b.right(), out);
        } else if (e instanceof Call c && c.function().equals("isSet")) {
            out.add(c.argument());
        }
    }

    private static Object eval(Expr e, Map<String, Object> vars, Functions f) {
        if (e instanceof Literal l) {
            return l.value();
        }
        if (e instanceof Var v) {
            return vars.get(v.name());
        }
        if (e instanceof Call c) {
            return switch (c.function()) {
                case "hoursOpen" -> f.hoursOpen(c.argument());
                case "queueEwt" -> f.queueEwt(c.argument());
                default -> vars.get(c.argument()) != null;
            };
        }
        if (e instanceof Unary u) {
            return !Boolean.TRUE.equals(eval(u.operand(), vars, f));
        }
        Binary b = (Binary) e;
        return switch (b.op()) {
            case "&&" -> Boolean.TRUE.equals(eval(b.left(), vars, f)) && Boolean.TRUE.equals(eval(b.right(), vars, f));
            case "||" -> Boolean.TRUE.equals(eval(b.left(), vars, f)) || Boolean.TRUE.equals(eval(b.right(), vars, f));
            default -> compare(b.op(), eval(b.left(), vars, f), eval(b.right(), vars, f));
        };
    }

    private static boolean compare(String op, Object a, Object b) {
        if (op.equals("==")) {
            return equal(a, b);
        }
        if (op.equals("!=")) {
            return !equal(a, b);
        }
        if (a == null || b == null) {
            return false;
        }
        Double x = number(a);
        Double y = number(b);
        int c = x != null && y != null ? Double.compare(x, y) : String.valueOf(a).compareTo(String.valueOf(b));
        return switch (op) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            default -> c >= 0;
        };
    }

    private static boolean equal(Object a, Object b) {
        Double x = number(a);
        Double y = number(b);
        if (x != null && y != null) {
            return x.doubleValue() == y.doubleValue();
        }
        return Objects.equals(a == null ? null : String.valueOf(a), b == null ? null : String.valueOf(b));
    }

    private static Double number(Object o) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        if (o instanceof String s && s.matches("-?\\d+(\\.\\d+)?")) {
            return Double.parseDouble(s);
        }
        return null;
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (Character.isWhitespace(ch)) {
                i++;
            } else if (ch == '\'') {
                int end = s.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated string");
                }
                out.add(s.substring(i, end + 1));
                i = end + 1;
            } else if ("=!<>&|".indexOf(ch) >= 0) {
                String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
                if (Set.of("==", "!=", "<=", ">=", "&&", "||").contains(two)) {
                    out.add(two);
                    i += 2;
                } else if (ch == '<' || ch == '>' || ch == '!') {
                    out.add(String.valueOf(ch));
                    i++;
                } else {
                    throw new IllegalArgumentException("unknown operator '" + ch + "' (use ==, &&, ||)");
                }
            } else if (ch == '(' || ch == ')') {
                out.add(String.valueOf(ch));
                i++;
            } else if (Character.isLetterOrDigit(ch) || ch == '_' || ch == '.' || ch == '-') {
                int start = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || "_.-".indexOf(s.charAt(i)) >= 0)) {
                    i++;
                }
                out.add(s.substring(start, i));
            } else {
                throw new IllegalArgumentException("unexpected character '" + ch + "'");
            }
        }
        return out;
    }

    private static final class Parser {
        final List<String> tokens;
        int pos;
        int depth;

        Parser(List<String> tokens) {
            this.tokens = tokens;
        }

        String peek() {
            return pos < tokens.size() ? tokens.get(pos) : null;
        }

        String next() {
            if (pos >= tokens.size()) {
                throw new IllegalArgumentException("incomplete expression");
            }
            return tokens.get(pos++);
        }

        Expr or() {
            Expr e = and();
            while ("||".equals(peek())) {
                next();
                e = new Binary("||", e, and());
            }
            return e;
        }

        Expr and() {
            Expr e = comparison();
            while ("&&".equals(peek())) {
                next();
                e = new Binary("&&", e, comparison());
            }
            return e;
        }

        Expr comparison() {
            Expr e = unary();
            if (peek() != null && Set.of("==", "!=", "<", "<=", ">", ">=").contains(peek())) {
                String op = next();
                e = new Binary(op, e, unary());
            }
            return e;
        }

        Expr unary() {
            if ("!".equals(peek())) {
                next();
                enter();
                Expr operand = unary();
                depth--;
                return new Unary("!", operand);
            }
            return primary();
        }

        void enter() {
            if (++depth > MAX_NESTING) {
                throw new IllegalArgumentException("expression nested more than " + MAX_NESTING + " levels deep");
            }
        }

        Expr primary() {
            String t = next();
            if (t.equals("(")) {
                enter();
                Expr e = or();
                if (!")".equals(next())) {
                    throw new IllegalArgumentException("missing ')'");
                }
                depth--;
                return e;
            }
            if (t.startsWith("'")) {
                return new Literal(t.substring(1, t.length() - 1));
            }
            if (t.equals("true") || t.equals("false")) {
                return new Literal(Boolean.parseBoolean(t));
            }
            if (t.matches("-?\\d+(\\.\\d+)?")) {
                return new Literal(Double.parseDouble(t));
            }
            if (!t.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
                throw new IllegalArgumentException("unexpected '" + t + "'");
            }
            if ("(".equals(peek())) {
                if (!FUNCTIONS.contains(t)) {
                    throw new IllegalArgumentException("unknown function '" + t + "' (known: " + FUNCTIONS + ")");
                }
                next();
                String arg = next();
                String value = arg.startsWith("'") ? arg.substring(1, arg.length() - 1) : arg;
                if (!")".equals(next())) {
                    throw new IllegalArgumentException(t + " takes one argument");
                }
                return new Call(t, value);
            }
            return new Var(t);
        }
    }
}
