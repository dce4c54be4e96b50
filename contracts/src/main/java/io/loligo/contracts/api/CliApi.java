package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Calamari's {@code cli}: runs a {@code ceph} command line on the cluster through an agent, while the caller waits.
 * Only commands whose prefix is on the allow-list run; by default, commands that read.
 */
@Produces(MediaType.APPLICATION_JSON)
public interface CliApi {

    /**
     * {@code {"command": "ceph osd tree"}}, or the words as a list. {@code 200} with {@code out}, {@code err} and
     * Ceph's return code as {@code status} (negative when the command failed, as in Calamari); {@code 400} when the
     * words name no ceph command; {@code 403} when the command is not allowed.
     */
    @POST
    @Path("/cluster/{fsid}/cli")
    @Consumes(MediaType.APPLICATION_JSON)
    CliView runCli(@PathParam("fsid") String fsid, CliForm form);

    record CliForm(@JsonProperty("command") JsonNode command) {
    }

    /** @param prefix the command the words were read as, such as {@code osd tree} */
    record CliView(@JsonProperty("out") String out, @JsonProperty("err") String err, @JsonProperty("status") int status,
                   @JsonProperty("prefix") String prefix) {
    }
}
