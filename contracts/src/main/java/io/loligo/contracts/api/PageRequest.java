package io.loligo.contracts.api;

import io.loligo.contracts.api.Problem.FieldError;

import java.util.List;

/**
 * {@code page} and {@code page_size} as a client sent them. Invalid values are added to {@code errors} by name, so
 * that one 400 can list everything wrong with a request. Pure.
 *
 * @param page from 1, or null when not given
 * @param pageSize null when not given
 */
public record PageRequest(Integer page, Integer pageSize) {
    public static final int MAX_PAGE_SIZE = 1000;
    /** No list reaches past this page: a million pages of the largest size is a billion items, and every offset fits an int. */
    public static final int MAX_PAGE = 1_000_000;

    public static PageRequest parse(String page, String pageSize, List<FieldError> errors) {
        Integer number = QueryValues.integer("page", page, 1, errors);
        if (number != null && number > MAX_PAGE) {
            errors.add(new FieldError("page", "must be at most " + MAX_PAGE));
            number = null;
        }
        Integer size = QueryValues.integer("page_size", pageSize, 1, errors);
        if (size != null && size > MAX_PAGE_SIZE) {
            errors.add(new FieldError("page_size", "must be at most " + MAX_PAGE_SIZE));
            size = null;
        }
        return new PageRequest(number, size);
    }

    public boolean requested() {
        return page != null || pageSize != null;
    }

    public int number() {
        return page == null ? 1 : page;
    }

    public int size(int defaultSize) {
        return pageSize == null ? defaultSize : pageSize;
    }

    /**
     * One page of {@code count} items, with links to its neighbours.
     *
     * @param echoedQuery the other query parameters the links must carry, each followed by {@code &}
     */
    public <T> Page<T> page(long count, List<T> results, int defaultSize, String echoedQuery) {
        int size = size(defaultSize);
        long lastPage = Math.max(1, (count + size - 1) / size);
        String next = number() < lastPage ? link(echoedQuery, number() + 1, size) : null;
        // past the end, "previous" leads back to the last page that has results
        String previous = number() > 1 ? link(echoedQuery, Math.min(number() - 1, lastPage), size) : null;
        return new Page<>(count, next, previous, results);
    }

    private static String link(String echoedQuery, long number, int size) {
        return "?" + echoedQuery + "page=" + number + "&page_size=" + size;
    }

    /** The first item's index. */
    public long offset(int defaultSize) {
        return (long) (number() - 1) * size(defaultSize);
    }
}
