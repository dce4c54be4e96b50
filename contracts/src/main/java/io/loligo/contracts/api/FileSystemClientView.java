package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A client session of a file system, as the MDS of its rank lists it ({@code session ls}).
 *
 * @param id the client's id, as {@code client.4123} names it
 * @param entity the client's name and address, as the MDS shows them ({@code client.4123 v1:192.0.2.7:0/3219...})
 * @param user the cephx user it authenticated as
 * @param mountRoot the directory it mounted
 * @param caps the capabilities it holds
 */
public record FileSystemClientView(
        @JsonProperty("id") long id,
        @JsonProperty("mds") String mds,
        @JsonProperty("rank") int rank,
        @JsonProperty("entity") String entity,
        @JsonProperty("user") String user,
        @JsonProperty("host") String host,
        @JsonProperty("mount_root") String mountRoot,
        @JsonProperty("state") String state,
        @JsonProperty("caps") long caps,
        @JsonProperty("version") String version) {
}
