package io.contactcenter.reporting.history;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** The query of an interval report, shared by its JSON and CSV forms. */
public class IntervalQuery {

    /** Start, an ISO-8601 instant (inclusive). */
    @QueryParam("from")
    @NotBlank
    public String from;

    /** End, an ISO-8601 instant (exclusive), at most 93 days after {@code from}. */
    @QueryParam("to")
    @NotBlank
    public String to;

    /** PT15M, PT30M, PT1H or P1D. */
    @QueryParam("interval")
    @DefaultValue("PT15M")
    public String interval;

    /** ABANDONS_COUNTED, ABANDONS_EXCLUDED or SHORT_ABANDONS_EXCLUDED. */
    @QueryParam("serviceLevel")
    @DefaultValue("ABANDONS_COUNTED")
    public String serviceLevel;

    /** T: answered within this many seconds counts as in service level. */
    @QueryParam("thresholdSeconds")
    @DefaultValue("20")
    @DecimalMin("0")
    @DecimalMax("86400")
    public double thresholdSeconds;

    /** S: abandons within this many seconds are short abandons. */
    @QueryParam("shortAbandonSeconds")
    @DefaultValue("5")
    @DecimalMin("0")
    @DecimalMax("3600")
    public double shortAbandonSeconds;
}
