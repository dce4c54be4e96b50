package io.loligo.gateway.calamari;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.loligo.contracts.api.Page;
import io.loligo.contracts.api.PageRequest;
import io.loligo.contracts.refusal.InvalidInput;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Calamari's pages, as Django's paginator and DRF 2.3's pagination serializer made them: {@code page} from 1 and
 * {@code page_size} (10 unless given) checked first, a page past the last one refused with a 400 rather than
 * answered empty, and {@code next}/{@code previous} as absolute URLs (the request's own, with its query parameters
 * in order and {@code page} replaced). Pure.
 */
final class DjangoPages {
    static final int DEFAULT_PAGE_SIZE = 10;

    /** DRF's {@code {count, next, previous, results}}. */
    record CalamariPage<T>(@JsonProperty("count") long count, @JsonProperty("next") String next,
                           @JsonProperty("previous") String previous, @JsonProperty("results") List<T> results) {
    }

    /** The page and page size a request asks for, validated as Django's paginator validated them. */
    record Wanted(int page, int size) {
        /** As Loligo's own API takes them. */
        String pageParameter() {
            return String.valueOf(page);
        }

        String sizeParameter() {
            return String.valueOf(size);
        }
    }

    private DjangoPages() {
    }

    /** @throws InvalidInput a 400 with Django's words for a page that is not a positive whole number */
    static Wanted wanted(String page, String pageSize) {
        int size;
        try {
            size = pageSize == null ? DEFAULT_PAGE_SIZE : Integer.parseInt(pageSize.strip());
        } catch (NumberFormatException notANumber) {
            throw parseError("invalid literal for int() with base 10: '" + pageSize + "'");
        }
        if (size < 1) {
            // Django divided by it; Loligo refuses it instead of failing
            throw parseError("page_size must be a positive whole number");
        }
        if (size > PageRequest.MAX_PAGE_SIZE) {
            throw parseError("page_size must be at most " + PageRequest.MAX_PAGE_SIZE);
        }
        int number;
        try {
            number = page == null ? 1 : Integer.parseInt(page.strip());
        } catch (NumberFormatException notANumber) {
            throw parseError("That page number is not an integer");
        }
        if (number < 1) {
            throw parseError("That page number is less than 1");
        }
        return new Wanted(number, size);
    }

    /**
     * Loligo's page of the same list, in Calamari's shape.
     *
     * @param requestUri the request's absolute URI, from which the links are made
     * @throws InvalidInput a 400, as Django's, for a page past the last one (the first page always exists)
     */
    static <T, R> CalamariPage<R> of(Page<T> page, Wanted wanted, URI requestUri, Function<T, R> shape) {
        long pages = Math.max(1, (page.count() + wanted.size() - 1) / wanted.size());
        if (wanted.page() > pages) {
            throw parseError("That page contains no results");
        }
        String next = wanted.page() < pages ? link(requestUri, wanted.page() + 1) : null;
        String previous = wanted.page() > 1 ? link(requestUri, wanted.page() - 1) : null;
        return new CalamariPage<>(page.count(), next, previous, page.results().stream().map(shape).toList());
    }

    /** DRF's {@code replace_query_param}: the query's parameters sorted by name, {@code page} set. */
    static String link(URI requestUri, long number) {
        Map<String, String> query = new TreeMap<>();
        if (requestUri.getRawQuery() != null) {
            for (String pair : requestUri.getRawQuery().split("&")) {
                if (!pair.isEmpty()) {
                    int equals = pair.indexOf('=');
                    query.put(decode(equals < 0 ? pair : pair.substring(0, equals)), equals < 0 ? "" : decode(pair.substring(equals + 1)));
                }
            }
        }
        query.put("page", String.valueOf(number));
        String encoded = query.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        return requestUri.getScheme() + "://" + requestUri.getRawAuthority() + requestUri.getRawPath() + "?" + encoded;
    }

    static InvalidInput parseError(String detail) {
        return new InvalidInput("InvalidPage", detail);
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return value;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
