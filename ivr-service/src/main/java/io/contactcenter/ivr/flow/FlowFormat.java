package io.contactcenter.ivr.flow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Reads flow documents as JSON or YAML; a document that does not parse is a caller's mistake. */
public final class FlowFormat {

    private static final ObjectMapper JSON = configure(new ObjectMapper());
    private static final ObjectMapper YAML = configure(new ObjectMapper(new YAMLFactory()));

    private FlowFormat() {
    }

    private static ObjectMapper configure(ObjectMapper m) {
        return m.registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** @throws IllegalArgumentException with the parser's location and reason */
    public static FlowDocument parse(String source, boolean yaml) {
        try {
            return (yaml ? YAML : JSON).readValue(source, FlowDocument.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new IllegalArgumentException("not a valid flow document" + where + ": " + e.getOriginalMessage(), e);
        }
    }
}
