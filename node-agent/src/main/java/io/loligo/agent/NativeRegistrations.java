package io.loligo.agent;

import io.loligo.contracts.command.AgentCommand;
import io.loligo.contracts.command.CommandEnvelope;
import io.loligo.contracts.command.CommandReply;
import io.loligo.contracts.command.CompileCrushMap;
import io.loligo.contracts.command.CreatePool;
import io.loligo.contracts.command.CrushChange;
import io.loligo.contracts.command.CrushMapChange;
import io.loligo.contracts.command.ErasureCodeProfileChange;
import io.loligo.contracts.command.FetchClusterMap;
import io.loligo.contracts.command.OsdChange;
import io.loligo.contracts.command.OsdFlagChange;
import io.loligo.contracts.command.PgChange;
import io.loligo.contracts.command.PoolChange;
import io.loligo.contracts.command.ReadClusterLog;
import io.loligo.contracts.command.MdsClientSessions;
import io.loligo.contracts.command.SafetyCheck;
import io.loligo.contracts.command.PreviewOsdWeight;
import io.loligo.contracts.command.PreviewCrushChange;
import io.loligo.contracts.command.PreviewPoolChange;
import io.loligo.contracts.command.OsdProvision;
import io.loligo.contracts.command.OsdDrain;
import io.loligo.contracts.command.OsdRemoval;
import io.loligo.contracts.command.OsdGroupFlagChange;
import io.loligo.contracts.command.DaemonControl;
import io.loligo.contracts.command.ReadSubvolumes;
import io.loligo.contracts.command.SubvolumeChange;
import io.loligo.contracts.command.SubvolumeClone;
import io.loligo.contracts.command.VolumeChange;
import io.loligo.contracts.command.CreateImage;
import io.loligo.contracts.command.ImageChange;
import io.loligo.contracts.command.CopyImage;
import io.loligo.contracts.command.ReadHost;
import io.loligo.contracts.command.ReadMonStatus;
import io.loligo.contracts.command.ReadPgs;
import io.loligo.contracts.command.ReadRbdImages;
import io.loligo.contracts.command.ReadUsage;
import io.loligo.contracts.command.RunCli;
import io.loligo.contracts.heartbeat.ClusterMap;
import io.loligo.contracts.heartbeat.ClusterReport;
import io.loligo.contracts.heartbeat.DaemonService;
import io.loligo.contracts.heartbeat.HostInterface;
import io.loligo.contracts.heartbeat.NodeHeartbeat;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The messages this service reads and writes with its own ObjectMapper. Quarkus cannot see that use, so a native image would
 * drop their accessors unless they are registered here.
 */
@RegisterForReflection(targets = {NodeHeartbeat.class, DaemonService.class, HostInterface.class, ClusterReport.class, ClusterMap.class,
        CommandEnvelope.class, AgentCommand.class, FetchClusterMap.class, ReadUsage.class, ReadClusterLog.class, ReadPgs.class, ReadRbdImages.class, RunCli.class, ReadMonStatus.class, ReadHost.class, ReadHost.Kind.class, MdsClientSessions.class, DaemonControl.class, DaemonControl.Action.class, SafetyCheck.class, SafetyCheck.Check.class, PreviewOsdWeight.class, PreviewPoolChange.class, PreviewCrushChange.class, OsdProvision.class, OsdDrain.class, OsdRemoval.class, OsdGroupFlagChange.class, ReadSubvolumes.class, SubvolumeChange.class, SubvolumeClone.class, VolumeChange.class, CreateImage.class, ImageChange.class, CopyImage.class, OsdChange.class, OsdFlagChange.class, PgChange.class, CreatePool.class,
        PoolChange.class, ErasureCodeProfileChange.class, CrushChange.class, CrushMapChange.class, CompileCrushMap.class, CommandReply.class, CommandReply.Failure.class,
        CommandReply.MapContent.class})
final class NativeRegistrations {
    private NativeRegistrations() {
    }
}
