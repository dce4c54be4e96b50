package io.loligo.cluster.rbd;

import io.loligo.contracts.api.ApiException;
import io.loligo.contracts.api.Page;
import io.loligo.contracts.api.PageRequest;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.api.QueryValues;
import io.loligo.contracts.api.RbdImageView;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The search, order and page asked of a pool's images, checked, and applied to them. Pure. */
public final class RbdImageListing {
    static final int DEFAULT_PAGE_SIZE = 100;
    private static final Comparator<RbdImageView> BY_NAME = Comparator.comparing(RbdImageView::name);
    private static final Map<String, Function<RbdImageView, Comparable<?>>> ORDERINGS = Map.of(
            "name", RbdImageView::name,
            "size", RbdImageView::size,
            "used_bytes", RbdImageView::usedBytes,
            "snapshot_count", RbdImageView::snapshotCount,
            "watchers", RbdImageView::watchers,
            "created_at", RbdImageView::createdAt);

    private final String search;
    private final String ordering;
    private final Comparator<RbdImageView> order;
    private final PageRequest page;

    /** @throws ApiException 400 naming each invalid parameter */
    public RbdImageListing(String search, String ordering, String page, String pageSize) {
        List<FieldError> errors = new ArrayList<>();
        this.search = QueryValues.blankToNull(search) == null ? null : search.strip().toLowerCase(Locale.ROOT);
        this.ordering = QueryValues.blankToNull(ordering);
        this.order = order(this.ordering, errors);
        this.page = PageRequest.parse(page, pageSize, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    public Page<RbdImageView> apply(List<RbdImageView> images) {
        return applySorted(sort(images));
    }

    /** The order asked for, as a key under which images sorted by {@link #sort} may be kept. */
    public String orderKey() {
        return ordering == null ? "name" : ordering;
    }

    public List<RbdImageView> sort(List<RbdImageView> images) {
        return images.stream().sorted(order).toList();
    }

    /** As {@link #apply}, on images already in the order asked for: a large pool's are sorted once per listing. */
    public Page<RbdImageView> applySorted(List<RbdImageView> sorted) {
        List<RbdImageView> matching = search == null ? sorted
                : sorted.stream().filter(image -> image.name().toLowerCase(Locale.ROOT).contains(search)).toList();
        long from = page.offset(DEFAULT_PAGE_SIZE);
        List<RbdImageView> results = from >= matching.size() ? List.of()
                : matching.subList((int) from, (int) Math.min(matching.size(), from + page.size(DEFAULT_PAGE_SIZE)));
        StringBuilder echoed = new StringBuilder();
        Function<String, String> encode = value -> URLEncoder.encode(value, StandardCharsets.UTF_8);
        if (search != null) {
            echoed.append("search=").append(encode.apply(search)).append('&');
        }
        if (ordering != null) {
            echoed.append("ordering=").append(encode.apply(ordering)).append('&');
        }
        return page.page(matching.size(), results, DEFAULT_PAGE_SIZE, echoed.toString());
    }

    private static Comparator<RbdImageView> order(String ordering, List<FieldError> errors) {
        if (ordering == null) {
            return BY_NAME;
        }
        boolean descending = ordering.startsWith("-");
        Function<RbdImageView, Comparable<?>> field = ORDERINGS.get(descending ? ordering.substring(1) : ordering);
        if (field == null) {
            errors.add(new FieldError("ordering", "must be one of " + String.join(", ", ORDERINGS.keySet().stream().sorted().toList())
                    + ", with - in front for descending order"));
            return BY_NAME;
        }
        return by(field, descending).thenComparing(BY_NAME);
    }

    /** Images without a value (no count of used bytes) come last in either direction. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<RbdImageView> by(Function<RbdImageView, Comparable<?>> field, boolean descending) {
        Comparator<Comparable> values = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        return Comparator.comparing((Function) field, Comparator.nullsLast(values));
    }
}
