package io.contactcenter.reporting.metrics;

/**
 * The ways contact centers define service level, named and with their formula, so a report always says
 * which one it used. T = the threshold; S = the short-abandon threshold.
 */
public enum ServiceLevelDefinition {

    /** Abandons count against service level. The strictest and the default. */
    ABANDONS_COUNTED("answered within T / offered"),
    /** Abandons are left out of the denominator altogether. */
    ABANDONS_EXCLUDED("answered within T / (offered − abandoned)"),
    /** Callers who hung up within S (misdials, changed minds) are left out; later abandons count against. */
    SHORT_ABANDONS_EXCLUDED("answered within T / (offered − abandoned within S)");

    private final String formula;

    ServiceLevelDefinition(String formula) {
        this.formula = formula;
    }

    public String formula() {
        return formula;
    }

    /** Null when the denominator is empty: no contacts, no service level (not 100 %). */
    public Double apply(long offered, long answeredWithin, long abandoned, long shortAbandoned) {
        long denominator = switch (this) {
            case ABANDONS_COUNTED -> offered;
            case ABANDONS_EXCLUDED -> offered - abandoned;
            case SHORT_ABANDONS_EXCLUDED -> offered - shortAbandoned;
        };
        return denominator <= 0 ? null : (double) answeredWithin / denominator;
    }
}
