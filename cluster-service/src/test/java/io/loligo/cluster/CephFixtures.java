package io.loligo.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Replies recorded from the real local Pacific cluster, under {@code src/test/resources/ceph}. */
public final class CephFixtures {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CephFixtures() {
    }

    public static JsonNode json(String name) {
        try {
            return MAPPER.readTree(CephFixtures.class.getResource("/ceph/" + name));
        } catch (IOException e) {
            throw new UncheckedIOException("fixture " + name, e);
        }
    }

    public static String text(String name) {
        try (InputStream in = CephFixtures.class.getResourceAsStream("/ceph/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("fixture " + name, e);
        }
    }
}
