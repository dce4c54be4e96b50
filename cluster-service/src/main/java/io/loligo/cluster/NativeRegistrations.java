package io.loligo.cluster;

import io.loligo.cluster.event.MapEvents;
import io.loligo.contracts.api.AlertViews;
import io.loligo.contracts.api.ConfigView;
import io.loligo.contracts.api.CrushForms;
import io.loligo.contracts.api.CrushViews;
import io.loligo.contracts.api.EventView;
import io.loligo.contracts.api.HealthCountersView;
import io.loligo.contracts.api.KeyApi;
import io.loligo.contracts.api.LiveUpdate;
import io.loligo.contracts.api.OsdPatch;
import io.loligo.contracts.api.OsdView;
import io.loligo.contracts.api.Page;
import io.loligo.contracts.api.FileSystemView;
import io.loligo.contracts.api.PgView;
import io.loligo.contracts.api.RbdImageView;
import io.loligo.contracts.api.PoolForm;
import io.loligo.contracts.api.PoolView;
import io.loligo.contracts.api.Problem;
import io.loligo.contracts.api.RequestView;
import io.loligo.contracts.api.UsageViews;
import io.loligo.contracts.command.AgentCommand;
import io.loligo.contracts.command.CommandEnvelope;
import io.loligo.contracts.command.CommandReply;
import io.loligo.contracts.command.CompileCrushMap;
import io.loligo.contracts.command.CreatePool;
import io.loligo.contracts.command.CrushChange;
import io.loligo.contracts.command.CrushMapChange;
import io.loligo.contracts.command.ErasureCodeProfileChange;
import io.loligo.contracts.command.FetchClusterMap;
import io.loligo.contracts.command.MapContentReader;
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
 * Types that Jackson handles where Quarkus cannot see it: messages read by our own codec, problems returned inside
 * a Response, and views turned into JSON trees (the OSD list and its pages). A native image would drop their accessors unless they are registered here.
 */
@RegisterForReflection(targets = {NodeHeartbeat.class, DaemonService.class, HostInterface.class, ClusterReport.class, ClusterMap.class,
        CommandEnvelope.class, AgentCommand.class, FetchClusterMap.class, ReadUsage.class, ReadClusterLog.class, ReadPgs.class, ReadRbdImages.class, RunCli.class, ReadMonStatus.class, ReadHost.class, ReadHost.Kind.class, MdsClientSessions.class, DaemonControl.class, DaemonControl.Action.class, SafetyCheck.class, SafetyCheck.Check.class, PreviewOsdWeight.class, PreviewPoolChange.class, PreviewCrushChange.class, OsdProvision.class, OsdDrain.class, OsdRemoval.class, OsdGroupFlagChange.class, ReadSubvolumes.class, SubvolumeChange.class, SubvolumeClone.class, VolumeChange.class, CreateImage.class, ImageChange.class, CopyImage.class, OsdChange.class, OsdFlagChange.class, PgChange.class, CreatePool.class,
        PoolChange.class, ErasureCodeProfileChange.class, CrushChange.class, CrushMapChange.class, CompileCrushMap.class, CommandReply.class, CommandReply.Failure.class,
        CommandReply.MapContent.class, MapContentReader.class, Problem.class, Problem.FieldError.class, OsdView.class, PoolView.class, CrushViews.Rule.class, CrushViews.RuleSet.class, CrushViews.Node.class,
        CrushViews.Item.class, CrushViews.Type.class, Page.class, EventView.class,
        HealthCountersView.class, HealthCountersView.Buckets.class, HealthCountersView.Bucket.class,
        HealthCountersView.Mds.class, HealthCountersView.Pools.class, ConfigView.class, UsageViews.ClusterStats.class,
        UsageViews.Space.class, UsageViews.PoolStats.class, UsageViews.ClusterLog.class, UsageViews.LogEntry.class, RequestView.class, RequestView.LogLine.class, RequestView.Accepted.class,
        OsdPatch.class, PgView.class, RbdImageView.class, RbdImageView.Parent.class, FileSystemView.class, FileSystemView.Rank.class, FileSystemView.Daemon.class, PoolForm.class, CrushForms.Rule.class, CrushForms.Node.class, LiveUpdate.class,
        KeyApi.KeyView.class, KeyApi.KeyPatch.class, MapEvents.HealthChange.class, AlertViews.Alert.class, AlertViews.Matcher.class})
final class NativeRegistrations {
    private NativeRegistrations() {
    }
}
