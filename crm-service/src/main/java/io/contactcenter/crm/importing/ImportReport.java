package io.contactcenter.crm.importing;

import java.util.List;

/**
 * What an import did. {@code rows} counts data rows (header excluded); every rejected row is counted, the first
 * {@code cc.crm.import.max-reported-errors} are listed with their line number (1 = header) and reasons.
 */
public record ImportReport(long rows, long imported, long rejected, List<RejectedRow> errors, boolean errorsTruncated,
        double seconds) {

    public record RejectedRow(long line, List<String> reasons) {
    }
}
