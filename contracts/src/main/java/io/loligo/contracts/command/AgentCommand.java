package io.loligo.contracts.command;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What cluster-service asks an agent to do. Each command is a record with typed fields. Reads have their Ceph JSON
 * written by the agent, in one place per read; a {@link ClusterChange} writes its own; an {@link RbdChange} is made through librbd.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = FetchClusterMap.class, name = "fetch-cluster-map"),
        @JsonSubTypes.Type(value = ReadUsage.class, name = "read-usage"),
        @JsonSubTypes.Type(value = ReadClusterLog.class, name = "read-cluster-log"),
        @JsonSubTypes.Type(value = OsdChange.class, name = "osd-change"),
        @JsonSubTypes.Type(value = OsdFlagChange.class, name = "osd-flag-change"),
        @JsonSubTypes.Type(value = PgChange.class, name = "pg-change"),
        @JsonSubTypes.Type(value = CreatePool.class, name = "create-pool"),
        @JsonSubTypes.Type(value = PoolChange.class, name = "pool-change"),
        @JsonSubTypes.Type(value = ErasureCodeProfileChange.class, name = "erasure-code-profile-change"),
        @JsonSubTypes.Type(value = CrushChange.class, name = "crush-change"),
        @JsonSubTypes.Type(value = CrushMapChange.class, name = "crush-map-change"),
        @JsonSubTypes.Type(value = CompileCrushMap.class, name = "compile-crush-map"),
        @JsonSubTypes.Type(value = CreateImage.class, name = "create-image"),
        @JsonSubTypes.Type(value = ImageChange.class, name = "image-change"),
        @JsonSubTypes.Type(value = CopyImage.class, name = "copy-image"),
        @JsonSubTypes.Type(value = ReadPgs.class, name = "read-pgs"),
        @JsonSubTypes.Type(value = ReadRbdImages.class, name = "read-rbd-images"),
        @JsonSubTypes.Type(value = ReadSubvolumes.class, name = "read-subvolumes"),
        @JsonSubTypes.Type(value = SubvolumeChange.class, name = "subvolume-change"),
        @JsonSubTypes.Type(value = SubvolumeClone.class, name = "subvolume-clone"),
        @JsonSubTypes.Type(value = DaemonControl.class, name = "daemon-control"),
        @JsonSubTypes.Type(value = SafetyCheck.class, name = "safety-check"),
        @JsonSubTypes.Type(value = PreviewOsdWeight.class, name = "preview-osd-weight"),
        @JsonSubTypes.Type(value = PreviewPoolChange.class, name = "preview-pool-change"),
        @JsonSubTypes.Type(value = PreviewCrushChange.class, name = "preview-crush-change"),
        @JsonSubTypes.Type(value = OsdProvision.class, name = "osd-provision"),
        @JsonSubTypes.Type(value = OsdDrain.class, name = "osd-drain"),
        @JsonSubTypes.Type(value = OsdRemoval.class, name = "osd-removal"),
        @JsonSubTypes.Type(value = OsdGroupFlagChange.class, name = "osd-group-flag-change"),
        @JsonSubTypes.Type(value = VolumeChange.class, name = "volume-change"),
        @JsonSubTypes.Type(value = RunCli.class, name = "run-cli"),
        @JsonSubTypes.Type(value = ReadMonStatus.class, name = "read-mon-status"),
        @JsonSubTypes.Type(value = ReadHost.class, name = "read-host"),
        @JsonSubTypes.Type(value = MdsClientSessions.class, name = "mds-client-sessions")})
public sealed interface AgentCommand permits FetchClusterMap, ReadUsage, ReadClusterLog, ReadPgs, ReadRbdImages, ReadSubvolumes, CompileCrushMap,
        RunCli, ReadMonStatus, ReadHost, MdsClientSessions, SafetyCheck, PreviewOsdWeight, PreviewPoolChange, PreviewCrushChange, RequestedChange {
    /** The cluster the command is for; null only for a {@link ReadHost} of a host that serves no cluster. */
    String fsid();
}
