package io.loligo.gateway.info;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.loligo.contracts.host.LocalHost;
import io.loligo.gateway.rest.ApiPaths;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Calamari's anonymous server description. The minion bootstrap one-liners it carried have no equivalent
 * (node-agents are deployed as a DaemonSet or a package), so those fields stay null for old clients.
 */
@Path(ApiPaths.V3 + "/info")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class InfoResource {
    @ConfigProperty(name = "quarkus.application.version")
    String version;

    public record Info(@JsonProperty("version") String version,
                       @JsonProperty("license") String license,
                       @JsonProperty("registered") String registered,
                       @JsonProperty("hostname") String hostname,
                       @JsonProperty("fqdn") String fqdn,
                       @JsonProperty("ipaddr") String ipAddress,
                       @JsonProperty("bootstrap_url") String bootstrapUrl,
                       @JsonProperty("bootstrap_rhel") String bootstrapRhel,
                       @JsonProperty("bootstrap_ubuntu") String bootstrapUbuntu) {
    }

    @GET
    public Info info() {
        String fqdn = LocalHost.fqdn();
        String address;
        try {
            address = InetAddress.getByName(fqdn).getHostAddress();
        } catch (UnknownHostException e) {
            address = null;
        }
        String hostname = fqdn.contains(".") ? fqdn.substring(0, fqdn.indexOf('.')) : fqdn;
        return new Info(version, "Apache-2.0", null, hostname, fqdn, address, null, null, null);
    }
}
