package io.loligo.cluster.listing;

import io.loligo.contracts.api.Page;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One read of a large list as views, with the orders asked of it so far: each order is sorted once per read, and
 * every page and search is cut from it.
 */
public final class SortedViews<T> {
    private final List<T> views;
    private final Map<String, List<T>> orders = new ConcurrentHashMap<>();

    public SortedViews(List<T> views) {
        this.views = List.copyOf(views);
    }

    public List<T> views() {
        return views;
    }

    /** The views in the order the listing asks for, sorted once per read. */
    public List<T> inOrderOf(MemoryListing<T> listing) {
        return orders.computeIfAbsent(listing.orderKey(), key -> listing.sort(views));
    }

    public Page<T> page(MemoryListing<T> listing) {
        return listing.applySorted(inOrderOf(listing));
    }
}
