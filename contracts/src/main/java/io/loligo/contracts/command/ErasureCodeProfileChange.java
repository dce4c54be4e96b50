package io.loligo.contracts.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An erasure-code profile set or removed. Profiles are part of the OSD map, so their changes move its epoch.
 *
 * @param properties the profile's {@code key=value} pairs ({@code k}, {@code m}, {@code plugin}, ...), or null to
 *                   remove it
 */
public record ErasureCodeProfileChange(String fsid, String name, Map<String, String> properties) implements ClusterChange {
    public ErasureCodeProfileChange {
        Objects.requireNonNull(fsid, "fsid");
        Objects.requireNonNull(name, "name");
        properties = properties == null ? null : new TreeMap<>(properties);
    }

    @Override
    public String monCommand() {
        if (properties == null) {
            return ClusterChange.command("osd erasure-code-profile rm").put("name", name).toString();
        }
        ObjectNode command = ClusterChange.command("osd erasure-code-profile set").put("name", name);
        ArrayNode profile = command.putArray("profile");
        properties.forEach((key, value) -> profile.add(key + "=" + value));
        return command.toString();
    }
}
