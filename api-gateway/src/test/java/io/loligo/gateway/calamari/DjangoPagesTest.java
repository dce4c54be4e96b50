package io.loligo.gateway.calamari;

import io.loligo.contracts.api.Page;
import io.loligo.contracts.api.RefusalMapper;
import io.loligo.contracts.refusal.Refusal;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DjangoPagesTest {
    private static final URI REQUEST = URI.create("http://calamari.example.com:8080/api/v2/event?severity=WARNING&page_size=2&page=2");

    @Test
    void linksAreAbsoluteWithTheQuerySortedAndThePageReplaced() {
        DjangoPages.CalamariPage<String> page = DjangoPages.of(new Page<>(5, null, null, List.of("c", "d")),
                DjangoPages.wanted("2", "2"), REQUEST, Function.identity());
        assertThat(page.next()).isEqualTo("http://calamari.example.com:8080/api/v2/event?page=3&page_size=2&severity=WARNING");
        assertThat(page.previous()).isEqualTo("http://calamari.example.com:8080/api/v2/event?page=1&page_size=2&severity=WARNING");
        assertThat(page.count()).isEqualTo(5);
    }

    @Test
    void theFirstPageExistsEvenEmptyAndOnePastTheLastIsRefused() {
        assertThat(DjangoPages.of(new Page<>(0, null, null, List.<String>of()), DjangoPages.wanted(null, null), REQUEST,
                Function.identity()).results()).isEmpty();
        assertRefused(() -> DjangoPages.of(new Page<>(4, null, null, List.of()), DjangoPages.wanted("3", "2"), REQUEST,
                Function.identity()), "That page contains no results");
    }

    @Test
    void pageNumbersAndSizesAreCheckedInDjangosWords() {
        assertRefused(() -> DjangoPages.wanted("0", null), "That page number is less than 1");
        assertRefused(() -> DjangoPages.wanted("two", null), "That page number is not an integer");
        assertRefused(() -> DjangoPages.wanted("1", "ten"), "invalid literal for int() with base 10: 'ten'");
        assertRefused(() -> DjangoPages.wanted("1", "0"), "page_size must be a positive whole number");
        assertThat(DjangoPages.wanted(null, null)).isEqualTo(new DjangoPages.Wanted(1, 10));
    }

    private static void assertRefused(Runnable call, String detail) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(Refusal.class, e -> {
            assertThat(RefusalMapper.problem(e).status()).isEqualTo(400);
            assertThat(e.getMessage()).isEqualTo(detail);
        });
    }
}
