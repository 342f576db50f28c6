package io.contactcenter.crm.importing;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.io.InputStream;

@Path("/crm/customers/import")
public class ImportResource {

    private final CsvCustomerImport importer;

    public ImportResource(CsvCustomerImport importer) {
        this.importer = importer;
    }

    /**
     * Bulk import from CSV (see {@link CsvCustomerImport} for the columns). Answers 200 with a report of imported
     * and rejected rows; 400 only when the file as a whole is unusable (no header, required column missing).
     */
    @POST
    @Consumes({"text/csv", "text/plain"})
    @Blocking
    @RolesAllowed({"supervisor", "admin", "service"})
    public ImportReport importCsv(InputStream body) {
        return importer.run(body);
    }
}
