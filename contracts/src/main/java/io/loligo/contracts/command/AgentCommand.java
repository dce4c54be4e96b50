package io.loligo.contracts.command;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What cluster-service asks an agent to do. Each command is a record with typed fields; its Ceph JSON is
 * written by the agent, in one place per command.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = FetchClusterMap.class, name = "fetch-cluster-map"),
        @JsonSubTypes.Type(value = ReadUsage.class, name = "read-usage"),
        @JsonSubTypes.Type(value = ReadClusterLog.class, name = "read-cluster-log")})
public sealed interface AgentCommand permits FetchClusterMap, ReadUsage, ReadClusterLog {
    /** The cluster the command is for. */
    String fsid();
}
