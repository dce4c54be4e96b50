package io.loligo.cluster.listing;

import io.loligo.contracts.api.Page;
import io.loligo.contracts.api.PageRequest;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.api.QueryValues;
import io.loligo.contracts.refusal.InvalidInput;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The search, order and page a client asked of a list kept in memory (a pool's images, an RGW's users or buckets),
 * checked, and applied to it. Pure.
 *
 * @param <T> the views listed
 */
public final class MemoryListing<T> {
    static final int DEFAULT_PAGE_SIZE = 100;

    /**
     * What a kind of view is listed by.
     *
     * @param name what a search matches part of, and what orders ties
     * @param orderings each field a client may order by, by the name it gives
     */
    public record Fields<T>(Function<T, String> name, Map<String, Function<T, Comparable<?>>> orderings) {
    }

    private final Fields<T> fields;
    private final String search;
    private final String ordering;
    private final Comparator<T> order;
    private final PageRequest page;
    /** Query parameters that narrow the list beyond the search, such as a bucket's owner, and what they keep. */
    private final Map<String, String> filters;
    private final Predicate<T> kept;

    /** @throws InvalidInput naming each invalid parameter */
    public MemoryListing(Fields<T> fields, String search, String ordering, String page, String pageSize) {
        List<FieldError> errors = new ArrayList<>();
        this.fields = fields;
        this.search = QueryValues.blankToNull(search) == null ? null : search.strip().toLowerCase(Locale.ROOT);
        this.ordering = QueryValues.blankToNull(ordering);
        this.order = order(this.ordering, errors);
        this.page = PageRequest.parse(page, pageSize, errors);
        this.filters = Map.of();
        this.kept = item -> true;
        InvalidInput.refuseIfAny(errors);
    }

    private MemoryListing(MemoryListing<T> listing, Map<String, String> filters, Predicate<T> kept) {
        this.fields = listing.fields;
        this.search = listing.search;
        this.ordering = listing.ordering;
        this.order = listing.order;
        this.page = listing.page;
        this.filters = filters;
        this.kept = kept;
    }

    /** This listing of only the views {@code keep} keeps, when {@code value} is given; its page links carry it. */
    public MemoryListing<T> filtered(String parameter, String value, Predicate<T> keep) {
        if (QueryValues.blankToNull(value) == null) {
            return this;
        }
        Map<String, String> more = new TreeMap<>(filters);
        more.put(parameter, value);
        return new MemoryListing<>(this, more, kept.and(keep));
    }

    public Page<T> apply(List<T> items) {
        return applySorted(sort(items));
    }

    /** The order asked for, as a key under which views sorted by {@link #sort} may be kept. */
    public String orderKey() {
        return ordering == null ? "name" : ordering;
    }

    public List<T> sort(List<T> items) {
        return items.stream().sorted(order).toList();
    }

    /** As {@link #apply}, on views already in the order asked for: a large list is sorted once per read and order. */
    public Page<T> applySorted(List<T> sorted) {
        List<T> matching = search == null && filters.isEmpty() ? sorted
                : sorted.stream().filter(kept).filter(item -> search == null
                        || fields.name().apply(item).toLowerCase(Locale.ROOT).contains(search)).toList();
        long from = page.offset(DEFAULT_PAGE_SIZE);
        List<T> results = from >= matching.size() ? List.of()
                : matching.subList((int) from, (int) Math.min(matching.size(), from + page.size(DEFAULT_PAGE_SIZE)));
        StringBuilder echoed = new StringBuilder();
        Function<String, String> encode = value -> URLEncoder.encode(value, StandardCharsets.UTF_8);
        filters.forEach((parameter, value) -> echoed.append(parameter).append('=').append(encode.apply(value)).append('&'));
        if (search != null) {
            echoed.append("search=").append(encode.apply(search)).append('&');
        }
        if (ordering != null) {
            echoed.append("ordering=").append(encode.apply(ordering)).append('&');
        }
        return page.page(matching.size(), results, DEFAULT_PAGE_SIZE, echoed.toString());
    }

    private Comparator<T> order(String ordering, List<FieldError> errors) {
        Comparator<T> byName = Comparator.comparing(fields.name());
        if (ordering == null) {
            return byName;
        }
        boolean descending = ordering.startsWith("-");
        Function<T, Comparable<?>> field = fields.orderings().get(descending ? ordering.substring(1) : ordering);
        if (field == null) {
            errors.add(new FieldError("ordering", "must be one of " + String.join(", ", fields.orderings().keySet().stream().sorted().toList())
                    + ", with - in front for descending order"));
            return byName;
        }
        return by(field, descending).thenComparing(byName);
    }

    /** Views without a value (an image's used bytes not yet counted) come last in either direction. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> Comparator<T> by(Function<T, Comparable<?>> field, boolean descending) {
        Comparator<Comparable> values = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        return Comparator.comparing((Function) field, Comparator.nullsLast(values));
    }
}
