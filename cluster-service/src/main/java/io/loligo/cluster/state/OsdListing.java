package io.loligo.cluster.state;

import io.loligo.contracts.api.OsdView;
import io.loligo.contracts.api.PageRequest;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.api.QueryValues;
import io.loligo.contracts.refusal.InvalidInput;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Filters, searches, orders and pages a list of OSDs. Built from raw query values: every invalid one is named in
 * a single 400. Pure.
 */
public final class OsdListing {
    public static final int DEFAULT_PAGE_SIZE = 100;
    private static final Map<String, Comparator<OsdView>> ORDERINGS = Map.of(
            "id", Comparator.comparingInt(OsdView::id),
            "up", Comparator.comparing(OsdView::up),
            "in", Comparator.comparing(OsdView::in),
            "reweight", Comparator.comparingDouble(OsdView::reweight),
            "server", Comparator.comparing(OsdView::server, Comparator.nullsLast(Comparator.naturalOrder())),
            "host", Comparator.comparing(OsdView::host, Comparator.nullsLast(Comparator.naturalOrder())));

    private final Integer pool;
    private final Set<Integer> ids;
    private final Boolean up;
    private final Boolean in;
    private final String host;
    private final String search;
    private final Comparator<OsdView> order;
    private final PageRequest page;
    private final Map<String, String> echoedParameters = new LinkedHashMap<>();

    /** @throws InvalidInput naming each invalid parameter */
    public OsdListing(String pool, List<String> ids, String up, String in, String host, String search,
                      String ordering, String page, String pageSize) {
        List<FieldError> errors = new ArrayList<>();
        this.pool = QueryValues.integer("pool", pool, 0, errors);
        this.ids = idSet(ids, errors);
        this.up = QueryValues.bool("up", up, errors);
        this.in = QueryValues.bool("in", in, errors);
        this.host = QueryValues.blankToNull(host);
        this.search = QueryValues.blankToNull(search) == null ? null : search.strip().toLowerCase(Locale.ROOT);
        this.order = ordering(ordering, errors);
        this.page = PageRequest.parse(page, pageSize, errors);
        InvalidInput.refuseIfAny(errors);
        echo("pool", pool);
        echo("up", up);
        echo("in", in);
        echo("host", host);
        echo("search", search);
        echo("ordering", ordering);
        if (ids != null) {
            ids.forEach(id -> echo("id__in[]", id));
        }
    }

    /**
     * A plain list when no page was asked for, as Calamari's clients expect; otherwise one {@link Page}.
     *
     * @param osds in id order, so that the default order costs no sort
     */
    public Object apply(List<OsdView> osds) {
        List<Predicate<OsdView>> filters = filters();
        List<OsdView> matching = filters.isEmpty() ? osds
                : osds.stream().filter(osd -> filters.stream().allMatch(filter -> filter.test(osd))).toList();
        if (order != null) {
            matching = matching.stream().sorted(order).toList();
        }
        if (!page.requested()) {
            return matching;
        }
        long from = page.offset(DEFAULT_PAGE_SIZE);
        List<OsdView> results = from >= matching.size() ? List.of()
                : matching.subList((int) from, (int) Math.min(matching.size(), from + page.size(DEFAULT_PAGE_SIZE)));
        StringBuilder echoed = new StringBuilder();
        echoedParameters.forEach((key, value) -> echoed.append(encode(key)).append('=').append(encode(value)).append('&'));
        return page.page(matching.size(), results, DEFAULT_PAGE_SIZE, echoed.toString());
    }

    private List<Predicate<OsdView>> filters() {
        List<Predicate<OsdView>> filters = new ArrayList<>();
        if (pool != null) {
            filters.add(o -> o.pools().contains(pool));
        }
        if (ids != null) {
            filters.add(o -> ids.contains(o.id()));
        }
        if (up != null) {
            filters.add(o -> o.up() == up);
        }
        if (in != null) {
            filters.add(o -> o.in() == in);
        }
        if (host != null) {
            filters.add(o -> host.equals(o.host()) || host.equals(o.server()));
        }
        if (search != null) {
            filters.add(o -> searchable(o).contains(search));
        }
        return filters;
    }

    private static String searchable(OsdView osd) {
        return String.join("\n", "osd." + osd.id(), String.valueOf(osd.server()), String.valueOf(osd.host()),
                String.valueOf(osd.uuid()), String.valueOf(osd.publicAddr()), String.valueOf(osd.clusterAddr()))
                .toLowerCase(Locale.ROOT);
    }

    private void echo(String key, String value) {
        if (value != null && !value.isBlank()) {
            echoedParameters.merge(key, value, (a, b) -> a);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** @return null for the id order the OSDs already come in */
    private static Comparator<OsdView> ordering(String ordering, List<FieldError> errors) {
        Comparator<OsdView> byId = ORDERINGS.get("id");
        if (QueryValues.blankToNull(ordering) == null || "id".equals(ordering)) {
            return null;
        }
        boolean descending = ordering.startsWith("-");
        Comparator<OsdView> field = ORDERINGS.get(descending ? ordering.substring(1) : ordering);
        if (field == null) {
            errors.add(new FieldError("ordering", "must be one of " + String.join(", ", ORDERINGS.keySet().stream().sorted().toList())
                    + ", with - in front for descending order"));
            return null;
        }
        return (descending ? field.reversed() : field).thenComparing(byId);
    }

    private static Set<Integer> idSet(List<String> ids, List<FieldError> errors) {
        if (ids == null || ids.isEmpty()) {
            return null;
        }
        Set<Integer> parsed = new HashSet<>();
        for (String id : ids) {
            Integer value = QueryValues.integer("id__in[]", id, 0, errors);
            if (value != null) {
                parsed.add(value);
            }
        }
        return parsed;
    }
}
