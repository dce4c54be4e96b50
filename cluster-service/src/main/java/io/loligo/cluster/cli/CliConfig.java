package io.loligo.cluster.cli;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** The CLI endpoint's settings, under {@code loligo.cli}. */
@ConfigMapping(prefix = "loligo.cli")
public interface CliConfig {
    /**
     * The command prefixes that may run, as whole words. The default reads only, and leaves out what reads secrets
     * ({@code auth}, {@code config-key}) and the configuration, where modules keep credentials.
     */
    @WithDefault("status,health,df,versions,features,report,time-sync-status,quorum_status,log last,"
            + "mon stat,mon dump,mgr stat,mgr dump,mgr services,mgr module ls,fs ls,fs dump,mds stat,"
            + "osd stat,osd tree,osd df,osd dump,osd ls,osd perf,osd find,osd metadata,osd versions,osd blocked-by,"
            + "osd pool ls,osd pool get,osd pool stats,osd pool get-quota,osd pool autoscale-status,"
            + "osd crush dump,osd crush tree,osd crush ls,osd crush rule ls,osd crush rule dump,osd crush class ls,"
            + "osd crush show-tunables,osd erasure-code-profile ls,osd erasure-code-profile get,"
            + "pg stat,pg dump,pg ls,pg ls-by-pool,pg ls-by-osd,pg map,pg dump_stuck")
    List<String> allowedPrefixes();

    /** How long a command may run; Calamari waited as long for its mon jobs. */
    @WithDefault("20s")
    Duration timeout();
}
