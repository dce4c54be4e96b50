package io.loligo.cluster.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.loligo.cluster.event.MapEvents;
import io.loligo.cluster.known.ClusterEntity;
import io.loligo.cluster.leader.LeaderOnly;
import io.loligo.cluster.server.ServiceEntity;
import io.loligo.cluster.sync.SyncObjects;
import io.loligo.contracts.heartbeat.ClusterMap;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The leader evaluates every rule for every cluster it holds maps of, from those maps and the servers' reports, and
 * from metric series ({@link SeriesEvaluation}). What it evaluates from lives in PostgreSQL (the maps' archive, the
 * servers, the open alerts) and InfluxDB, so a restart or a new leader goes on where the last evaluation left off.
 */
@ApplicationScoped
public class AlertEvaluation {
    @Inject
    SyncObjects maps;
    @Inject
    Alerts alerts;
    @Inject
    SeriesEvaluation series;

    /** @param hosts the servers that run its daemons */
    private record Cluster(String fsid, String name, Set<String> hosts, Set<String> silentHosts, Map<Integer, Long> recentDowns) {
    }

    @Scheduled(every = "${loligo.alerts.evaluate-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = LeaderOnly.class)
    void evaluate() {
        Instant now = Instant.now();
        List<Cluster> clusters = clusters(now);
        Map<String, String> names = new HashMap<>();
        Map<String, Set<String>> clustersOfHost = new HashMap<>();
        for (Cluster cluster : clusters) {
            names.put(cluster.fsid(), cluster.name());
            cluster.hosts().forEach(host -> clustersOfHost.computeIfAbsent(host, any -> new HashSet<>()).add(cluster.fsid()));
        }
        SeriesEvaluation.Found fromSeries = series.evaluate(names, clustersOfHost, now);
        for (Cluster cluster : clusters) {
            try {
                JsonNode health = maps.get(cluster.fsid(), ClusterMap.HEALTH).map(SyncObjects.Stored::content).orElse(null);
                if (health == null) {
                    // nothing read of it yet: no rule can tell what is wrong
                    continue;
                }
                List<Condition> conditions = new ArrayList<>(AlertRules.evaluate(cluster.fsid(), cluster.name(), health,
                        content(cluster.fsid(), ClusterMap.OSD_MAP), content(cluster.fsid(), ClusterMap.MON_STATUS), cluster.silentHosts(),
                        cluster.recentDowns()));
                conditions.addAll(fromSeries.of(cluster.fsid()));
                alerts.evaluate(cluster.fsid(), conditions, fromSeries.unread(), fromSeries.holdFor(), now);
            } catch (RuntimeException e) {
                // the next evaluation tries again; what is open stays open meanwhile
                Log.warnf("alerts of cluster %s not evaluated: %s", cluster.fsid(), e.toString());
            }
        }
    }

    @Transactional
    List<Cluster> clusters(Instant now) {
        return ClusterEntity.<ClusterEntity>listAll().stream().map(cluster -> {
            Set<String> hosts = new HashSet<>();
            Set<String> silent = new HashSet<>();
            ServiceEntity.<ServiceEntity>list("fsid", cluster.fsid).forEach(service -> {
                hosts.add(service.server.fqdn);
                if (service.server.late) {
                    silent.add(service.server.fqdn);
                }
            });
            return new Cluster(cluster.fsid, cluster.name, hosts, silent, recentDowns(cluster.fsid, now));
        }).toList();
    }

    /** How often each OSD went down lately, as the events of its map's changes record it ({@code MapEvents}). */
    private static Map<Integer, Long> recentDowns(String fsid, Instant now) {
        Map<Integer, Long> downs = new HashMap<>();
        Panache.getEntityManager().createQuery("select serviceId, count(*) from EventEntity where fsid = ?1 and serviceType = 'osd'"
                        + " and message like ?3 and at > ?2 group by serviceId", Object[].class)
                .setParameter(1, fsid).setParameter(2, now.minus(AlertRules.FLAPPING_WINDOW)).setParameter(3, "%" + MapEvents.WENT_DOWN)
                .getResultList()
                .forEach(row -> downs.put(Integer.parseInt((String) row[0]), (Long) row[1]));
        return downs;
    }

    private JsonNode content(String fsid, ClusterMap map) {
        return maps.get(fsid, map).<JsonNode>map(SyncObjects.Stored::content).orElse(MissingNode.getInstance());
    }
}
