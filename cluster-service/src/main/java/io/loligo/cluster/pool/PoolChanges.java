package io.loligo.cluster.pool;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.cluster.crush.CrushMap;
import io.loligo.cluster.request.Planned;
import io.loligo.contracts.api.PoolForm;
import io.loligo.contracts.api.PoolView;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.command.ClusterChange;
import io.loligo.contracts.command.CreatePool;
import io.loligo.contracts.command.PoolChange;
import io.loligo.contracts.command.PreviewPoolChange;
import io.loligo.contracts.refusal.Conflict;
import io.loligo.contracts.refusal.InvalidInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns pool forms into the changes that make them so, checked against the cluster as it is before anything
 * reaches Ceph: each field that cannot be is named in one 400, a taken name is a 409. Pure.
 */
public final class PoolChanges {
    /** Ceph refuses sizes above this. */
    static final int MAX_SIZE = 10;
    /** Ceph's mon_max_pool_pg_num default. */
    static final int MAX_PG_NUM = 65_536;

    private PoolChanges() {
    }

    /** The cluster a form is checked against: its pools, CRUSH rules, erasure-code profiles and configuration. */
    public record Cluster(String fsid, List<PoolView> pools, CrushMap crush, JsonNode osdDump, JsonNode config) {
    }

    /** What a new pool gets when a form leaves a field out: the cluster's own defaults. */
    public static PoolForm defaults(JsonNode config) {
        int size = intOption(config, "osd_pool_default_size", 3);
        int minSize = intOption(config, "osd_pool_default_min_size", 0);
        int pgNum = intOption(config, "osd_pool_default_pg_num", 32);
        int pgpNum = intOption(config, "osd_pool_default_pgp_num", 0);
        // 0 means "derived", as Ceph derives them
        return new PoolForm(null, "replicated", null, pgNum, pgpNum == 0 ? pgNum : pgpNum, size,
                minSize == 0 ? size - size / 2 : minSize, 0, 0L, 0L, null,
                !"false".equals(config.path("osd_pool_default_flag_hashpspool").asText("true")));
    }

    public static Planned create(Cluster cluster, PoolForm form) {
        if (form == null) {
            throw InvalidInput.of("body", "give at least name and pg_num");
        }
        PoolForm defaults = defaults(cluster.config());
        List<FieldError> errors = new ArrayList<>();
        String name = form.name() == null ? null : form.name().strip();
        if (name == null || name.isEmpty()) {
            errors.add(new FieldError("name", "is needed"));
        }
        if (form.pgNum() == null) {
            errors.add(new FieldError("pg_num", "is needed"));
        }
        boolean erasure = "erasure".equals(form.type());
        if (form.type() != null && !erasure && !form.type().equals("replicated")) {
            errors.add(new FieldError("type", "must be replicated or erasure"));
        }
        if (erasure && form.erasureCodeProfile() == null) {
            errors.add(new FieldError("erasure_code_profile", "is needed for an erasure-coded pool"));
        } else if (form.erasureCodeProfile() != null && !erasure) {
            errors.add(new FieldError("erasure_code_profile", "is for erasure-coded pools only"));
        } else if (erasure && !cluster.osdDump().path("erasure_code_profiles").has(form.erasureCodeProfile())) {
            errors.add(new FieldError("erasure_code_profile", "no profile '" + form.erasureCodeProfile() + "'"));
        }
        if (erasure && (form.size() != null || form.minSize() != null)) {
            errors.add(new FieldError(form.size() != null ? "size" : "min_size", "comes from the erasure-code profile"));
        }
        int pgNum = Objects.requireNonNullElse(form.pgNum(), defaults.pgNum());
        int pgpNum = Objects.requireNonNullElse(form.pgpNum(), pgNum);
        int size = Objects.requireNonNullElse(form.size(), defaults.size());
        int minSize = Objects.requireNonNullElse(form.minSize(), form.size() == null ? defaults.minSize() : size - size / 2);
        checkPlacement(pgNum, pgpNum, errors);
        if (!erasure) {
            checkSizes(size, minSize, errors);
        }
        Optional<String> rule = form.crushRuleset() == null ? Optional.empty() : ruleName(cluster.crush(), form.crushRuleset());
        if (form.crushRuleset() != null && rule.isEmpty()) {
            errors.add(new FieldError("crush_ruleset", "no CRUSH rule " + form.crushRuleset()));
        }
        checkQuotas(form, errors);
        InvalidInput.refuseIfAny(errors);
        requireFreeName(cluster, name);
        List<ClusterChange> changes = new ArrayList<>();
        changes.add(new CreatePool(cluster.fsid(), name, pgNum, pgpNum, erasure, form.erasureCodeProfile(), rule.orElse(null)));
        if (!erasure) {
            changes.add(new PoolChange(cluster.fsid(), name, PoolChange.Kind.SIZE, String.valueOf(size)));
            changes.add(new PoolChange(cluster.fsid(), name, PoolChange.Kind.MIN_SIZE, String.valueOf(minSize)));
        }
        if (form.hashpspool() != null && !form.hashpspool().equals(defaults.hashpspool())) {
            changes.add(new PoolChange(cluster.fsid(), name, PoolChange.Kind.HASHPSPOOL, form.hashpspool().toString()));
        }
        addQuotasAndApplication(cluster.fsid(), name, form, null, changes);
        return new Planned("Creating pool '" + name + "'", changes);
    }

    public static Planned update(Cluster cluster, PoolView pool, PoolForm form) {
        if (form == null) {
            throw InvalidInput.of("body", "give the fields to change");
        }
        List<FieldError> errors = new ArrayList<>();
        if (form.type() != null && !form.type().equals(pool.type())) {
            errors.add(new FieldError("type", "is set when a pool is created"));
        }
        if (form.erasureCodeProfile() != null && !form.erasureCodeProfile().equals(pool.erasureCodeProfile())) {
            errors.add(new FieldError("erasure_code_profile", "is set when a pool is created"));
        }
        boolean erasure = "erasure".equals(pool.type());
        if (erasure && ((form.size() != null && form.size() != pool.size()) || (form.minSize() != null && form.minSize() != pool.minSize()))) {
            errors.add(new FieldError(form.size() != null ? "size" : "min_size", "comes from the erasure-code profile"));
        }
        int pgNum = Objects.requireNonNullElse(form.pgNum(), pool.pgNum());
        int pgpNum = Objects.requireNonNullElse(form.pgpNum(), pool.pgpNum());
        int size = Objects.requireNonNullElse(form.size(), pool.size());
        int minSize = Objects.requireNonNullElse(form.minSize(), pool.minSize());
        checkPlacement(pgNum, pgpNum, errors);
        if (!erasure) {
            checkSizes(size, minSize, errors);
        }
        if (form.crushRuleset() != null && ruleName(cluster.crush(), form.crushRuleset()).isEmpty()) {
            errors.add(new FieldError("crush_ruleset", "no CRUSH rule " + form.crushRuleset()));
        }
        String name = form.name() == null ? pool.name() : form.name().strip();
        if (name.isEmpty()) {
            errors.add(new FieldError("name", "must not be empty"));
        }
        checkQuotas(form, errors);
        InvalidInput.refuseIfAny(errors);
        if (!name.equals(pool.name())) {
            requireFreeName(cluster, name);
        }
        List<ClusterChange> changes = new ArrayList<>();
        String fsid = cluster.fsid();
        // a larger size first lets a larger min_size follow; a smaller one goes after a smaller min_size
        if (size >= pool.size()) {
            set(fsid, pool.name(), PoolChange.Kind.SIZE, size, pool.size(), changes);
            set(fsid, pool.name(), PoolChange.Kind.MIN_SIZE, minSize, pool.minSize(), changes);
        } else {
            set(fsid, pool.name(), PoolChange.Kind.MIN_SIZE, minSize, pool.minSize(), changes);
            set(fsid, pool.name(), PoolChange.Kind.SIZE, size, pool.size(), changes);
        }
        set(fsid, pool.name(), PoolChange.Kind.PG_NUM, pgNum, pool.pgNum(), changes);
        set(fsid, pool.name(), PoolChange.Kind.PGP_NUM, pgpNum, pool.pgpNum(), changes);
        if (form.crushRuleset() != null && form.crushRuleset() != pool.crushRuleset()) {
            changes.add(new PoolChange(fsid, pool.name(), PoolChange.Kind.CRUSH_RULE,
                    ruleName(cluster.crush(), form.crushRuleset()).orElseThrow()));
        }
        if (form.hashpspool() != null && form.hashpspool() != pool.hashpspool()) {
            changes.add(new PoolChange(fsid, pool.name(), PoolChange.Kind.HASHPSPOOL, form.hashpspool().toString()));
        }
        addQuotasAndApplication(fsid, pool.name(), form, pool, changes);
        // last, so that every change before it still finds the pool by its old name
        if (!name.equals(pool.name())) {
            changes.add(new PoolChange(fsid, pool.name(), PoolChange.Kind.RENAME, name));
        }
        return new Planned("Updating pool '" + pool.name() + "'", changes);
    }

    /**
     * What the agent previews of the change a {@code PATCH} of the pool with this form would make: the size, pg_num,
     * pgp_num and CRUSH rule it changes; the rest moves no data.
     *
     * @throws InvalidInput as the {@code PATCH} would be, or naming {@code pg_num} for a merge, which is not
     *                      previewed, or {@code size} when nothing of what moves data changes
     */
    public static PreviewPoolChange preview(Cluster cluster, PoolView pool, PoolForm form) {
        if (form != null && form.pgNum() != null && form.pgNum() > 0 && form.pgNum() < pool.pgNum()) {
            throw InvalidInput.of("pg_num", "merging PGs is not previewed: only a split is");
        }
        update(cluster, pool, form);
        Integer size = changed(form.size(), pool.size());
        Integer pgNum = changed(form.pgNum(), pool.pgNum());
        Integer pgpNum = changed(form.pgpNum(), pool.pgpNum());
        Integer crushRule = changed(form.crushRuleset(), pool.crushRuleset());
        if (size == null && pgNum == null && pgpNum == null && crushRule == null) {
            throw InvalidInput.of("size",
                    "nothing to preview: size, pg_num, pgp_num and crush_ruleset stay as they are, and the rest moves no data");
        }
        return new PreviewPoolChange(cluster.fsid(), pool.id(), size, pgNum, pgpNum, crushRule);
    }

    private static Integer changed(Integer asked, int now) {
        return asked == null || asked == now ? null : asked;
    }

    /** @throws Conflict while the cluster forbids deleting pools */
    public static Planned delete(Cluster cluster, PoolView pool) {
        if ("false".equals(cluster.config().path("mon_allow_pool_delete").asText("false"))) {
            throw new Conflict("PoolDeletionDisabled", "cluster " + cluster.fsid()
                    + " forbids deleting pools: set mon_allow_pool_delete to true first");
        }
        return new Planned("Deleting pool '" + pool.name() + "'",
                List.of(new PoolChange(cluster.fsid(), pool.name(), PoolChange.Kind.DELETE, null)));
    }

    private static void addQuotasAndApplication(String fsid, String name, PoolForm form, PoolView current, List<ClusterChange> changes) {
        if (form.quotaMaxBytes() != null && (current == null ? form.quotaMaxBytes() != 0 : form.quotaMaxBytes() != current.quotaMaxBytes())) {
            changes.add(new PoolChange(fsid, name, PoolChange.Kind.QUOTA_MAX_BYTES, String.valueOf(form.quotaMaxBytes())));
        }
        if (form.quotaMaxObjects() != null && (current == null ? form.quotaMaxObjects() != 0 : form.quotaMaxObjects() != current.quotaMaxObjects())) {
            changes.add(new PoolChange(fsid, name, PoolChange.Kind.QUOTA_MAX_OBJECTS, String.valueOf(form.quotaMaxObjects())));
        }
        if (form.application() != null && !form.application().isBlank()
                && (current == null || !current.application().contains(form.application().strip()))) {
            changes.add(new PoolChange(fsid, name, PoolChange.Kind.ENABLE_APPLICATION, form.application().strip()));
        }
    }

    private static void set(String fsid, String pool, PoolChange.Kind kind, int wanted, int current, List<ClusterChange> changes) {
        if (wanted != current) {
            changes.add(new PoolChange(fsid, pool, kind, String.valueOf(wanted)));
        }
    }

    private static void checkPlacement(int pgNum, int pgpNum, List<FieldError> errors) {
        if (pgNum < 1 || pgNum > MAX_PG_NUM) {
            errors.add(new FieldError("pg_num", "must be between 1 and " + MAX_PG_NUM));
        } else if (pgpNum < 1 || pgpNum > pgNum) {
            errors.add(new FieldError("pgp_num", "must be between 1 and pg_num (" + pgNum + ")"));
        }
    }

    private static void checkSizes(int size, int minSize, List<FieldError> errors) {
        if (size < 1 || size > MAX_SIZE) {
            errors.add(new FieldError("size", "must be between 1 and " + MAX_SIZE));
        } else if (minSize < 1 || minSize > size) {
            errors.add(new FieldError("min_size", "must be between 1 and size (" + size + ")"));
        }
    }

    private static void checkQuotas(PoolForm form, List<FieldError> errors) {
        if (form.quotaMaxBytes() != null && form.quotaMaxBytes() < 0) {
            errors.add(new FieldError("quota_max_bytes", "must not be negative (0 means no quota)"));
        }
        if (form.quotaMaxObjects() != null && form.quotaMaxObjects() < 0) {
            errors.add(new FieldError("quota_max_objects", "must not be negative (0 means no quota)"));
        }
    }

    private static void requireFreeName(Cluster cluster, String name) {
        if (cluster.pools().stream().anyMatch(pool -> pool.name().equals(name))) {
            throw new Conflict("PoolExists", "cluster " + cluster.fsid() + " already has a pool named '" + name + "'",
                    List.of(new FieldError("name", "is taken")));
        }
    }

    private static Optional<String> ruleName(CrushMap crush, int ruleId) {
        return crush.rule(ruleId).map(CrushMap.Rule::name);
    }

    private static int intOption(JsonNode config, String key, int fallback) {
        String value = config.path(key).asText("");
        try {
            return value.isEmpty() ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException notANumber) {
            return fallback;
        }
    }
}
