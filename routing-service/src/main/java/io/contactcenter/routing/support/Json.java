package io.contactcenter.routing.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.events.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** JSON columns of the routing tables; a column that cannot be read is a bug, not bad input. */
@ApplicationScoped
public class Json {

    public static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() { };
    public static final TypeReference<Map<String, Integer>> SKILLS = new TypeReference<>() { };
    public static final TypeReference<Map<String, Instant>> UNTIL = new TypeReference<>() { };
    public static final TypeReference<EnumMap<Channel, Integer>> LOAD = new TypeReference<>() { };

    private final ObjectMapper mapper;

    public Json(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(Object value) {
        try {
            return value == null ? null : mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public <T> T read(String json, Class<T> type) {
        try {
            return json == null ? null : mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable " + type.getSimpleName() + " column", e);
        }
    }

    public <T> T read(String json, TypeReference<T> type, T ifNull) {
        try {
            return json == null ? ifNull : mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON column", e);
        }
    }

    public Map<Channel, Integer> load(String json) {
        return json == null || json.equals("{}") ? Map.of() : read(json, LOAD, new EnumMap<>(Channel.class));
    }
}
