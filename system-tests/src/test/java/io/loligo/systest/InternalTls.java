package io.loligo.systest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A private CA and one certificate it signed for the services on loopback, made with openssl for one platform: the
 * services' internal calls then go over TLS, as in the prod overlay.
 */
record InternalTls(Path ca, Path certificate, Path key) {
    static InternalTls create(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        InternalTls tls = new InternalTls(dir.resolve("ca.crt"), dir.resolve("tls.crt"), dir.resolve("tls.key"));
        Path caKey = dir.resolve("ca.key");
        Path request = dir.resolve("tls.csr");
        Path extensions = dir.resolve("san.ext");
        LocalPlatform.run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=loligo-tests-ca",
                "-keyout", caKey.toString(), "-out", tls.ca().toString()));
        LocalPlatform.run(List.of("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
                "-keyout", tls.key().toString(), "-out", request.toString()));
        Files.writeString(extensions, "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        LocalPlatform.run(List.of("openssl", "x509", "-req", "-in", request.toString(), "-CA", tls.ca().toString(), "-CAkey", caKey.toString(),
                "-CAcreateserial", "-days", "2", "-extfile", extensions.toString(), "-out", tls.certificate().toString()));
        return tls;
    }

    /** What a caller of the services needs: the TLS configuration {@code internal}, trusting the CA alone. */
    Map<String, String> trusting() {
        return Map.of("quarkus.tls.internal.trust-store.pem.certs", ca.toString());
    }
}
