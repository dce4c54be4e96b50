package io.loligo.cluster.pool;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.cluster.request.Planned;
import io.loligo.contracts.api.PoolView;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.command.ErasureCodeProfileChange;
import io.loligo.contracts.refusal.Conflict;
import io.loligo.contracts.refusal.InvalidInput;
import io.loligo.contracts.refusal.NotFound;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Erasure-code profiles from the OSD map, and the changes that create or remove one. Pure. */
public final class ErasureCodeProfiles {
    private ErasureCodeProfiles() {
    }

    /** Each profile as {@code {"name": ..., <its properties>}}, ordered by name. */
    public static List<Map<String, String>> from(JsonNode osdDump) {
        List<Map<String, String>> profiles = new ArrayList<>();
        new TreeMap<String, JsonNode>(toMap(osdDump.path("erasure_code_profiles"))).forEach((name, properties) -> {
            Map<String, String> profile = new LinkedHashMap<>();
            profile.put("name", name);
            properties.fields().forEachRemaining(property -> profile.put(property.getKey(), property.getValue().asText()));
            profiles.add(profile);
        });
        return profiles;
    }

    public static Map<String, String> one(JsonNode osdDump, String name) {
        return from(osdDump).stream().filter(profile -> profile.get("name").equals(name)).findFirst()
                .orElseThrow(() -> new NotFound("ErasureCodeProfile", "no erasure-code profile '" + name + "'"));
    }

    public static Planned create(String fsid, JsonNode osdDump, Map<String, String> form) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> properties = form == null ? new TreeMap<>() : new TreeMap<>(form);
        String name = properties.remove("name");
        if (name == null || name.isBlank()) {
            errors.add(new FieldError("name", "is needed"));
        }
        positive(properties, "k", 2, errors);
        positive(properties, "m", 1, errors);
        InvalidInput.refuseIfAny(errors);
        if (osdDump.path("erasure_code_profiles").has(name)) {
            throw new Conflict("ProfileExists", "there is an erasure-code profile '" + name + "' already",
                    List.of(new FieldError("name", "is taken")));
        }
        return new Planned("Creating erasure-code profile '" + name + "'", List.of(new ErasureCodeProfileChange(fsid, name, properties)));
    }

    /** @throws Conflict while a pool uses the profile */
    public static Planned delete(String fsid, JsonNode osdDump, List<PoolView> pools, String name) {
        one(osdDump, name);
        List<String> users = pools.stream().filter(pool -> name.equals(pool.erasureCodeProfile())).map(PoolView::name).toList();
        if (!users.isEmpty()) {
            throw new Conflict("ProfileInUse", "erasure-code profile '" + name + "' is used by " + String.join(", ", users));
        }
        return new Planned("Removing erasure-code profile '" + name + "'", List.of(new ErasureCodeProfileChange(fsid, name, null)));
    }

    private static void positive(Map<String, String> properties, String key, int minimum, List<FieldError> errors) {
        try {
            if (Integer.parseInt(properties.getOrDefault(key, "")) < minimum) {
                errors.add(new FieldError(key, "must be at least " + minimum));
            }
        } catch (NumberFormatException notANumber) {
            errors.add(new FieldError(key, "must be a whole number of at least " + minimum));
        }
    }

    private static Map<String, JsonNode> toMap(JsonNode object) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> map.put(field.getKey(), field.getValue()));
        return map;
    }
}
