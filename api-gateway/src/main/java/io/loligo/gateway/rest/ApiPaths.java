package io.loligo.gateway.rest;

/**
 * Where each face of the API lives: Loligo's own at {@code /api/v3}, and Calamari's two versions, served as Calamari
 * served them by the adapter in {@code io.loligo.gateway.calamari}.
 */
public final class ApiPaths {
    public static final String V3 = "/api/v3";
    public static final String CALAMARI_V1 = "/api/v1";
    public static final String CALAMARI_V2 = "/api/v2";
    /** graphite-web's API, which Calamari served beside its own and its dashboard graphed from. */
    public static final String GRAPHITE = "/graphite";

    private ApiPaths() {
    }

    /** Whether a request path belongs to what Calamari served: one of its versions, or graphite-web beside them. */
    public static boolean isCalamari(String path) {
        return under(path, CALAMARI_V1) || under(path, CALAMARI_V2) || under(path, GRAPHITE);
    }

    private static boolean under(String path, String root) {
        return path.equals(root) || path.startsWith(root + "/");
    }
}
