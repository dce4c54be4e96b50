package io.loligo.cluster.state;

import io.loligo.contracts.api.OsdView;
import io.loligo.contracts.api.Page;
import io.loligo.contracts.api.Problem;
import io.loligo.contracts.api.RefusalMapper;
import io.loligo.contracts.refusal.Refusal;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OsdListingTest {
    /** 10 OSDs on 2 hosts; odd ones serve pool 2, every third is down, osd.4 is out. */
    private static final List<OsdView> OSDS = IntStream.range(0, 10).mapToObj(id -> new OsdView(id, "uuid-" + id,
            id % 3 != 0, id != 4, 1.0 - id / 100.0, "store" + (id % 2) + ".example.com", id % 2 == 1 ? List.of(1, 2) : List.of(1),
            List.of(), "10.0.0." + id + ":6800/1", "10.1.0." + id + ":6800/1", List.of(List.of(-2, -1)), null, null, null,
            null, "store" + (id % 2), 1.0, 1.0, Map.of(), 5, null, null)).toList();

    private static OsdListing listing(String pool, List<String> ids, String up, String in, String host, String search,
                                      String ordering, String page, String pageSize) {
        return new OsdListing(pool, ids, up, in, host, search, ordering, page, pageSize);
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> ids(Object result) {
        List<OsdView> osds = result instanceof Page<?> page ? (List<OsdView>) page.results() : (List<OsdView>) result;
        return osds.stream().map(OsdView::id).toList();
    }

    @Test
    void withoutPagingTheAnswerIsCalamarisPlainList() {
        assertThat(listing(null, null, null, null, null, null, null, null, null).apply(OSDS)).isInstanceOf(List.class);
        assertThat(ids(listing("2", null, null, null, null, null, null, null, null).apply(OSDS))).containsExactly(1, 3, 5, 7, 9);
        assertThat(ids(listing(null, List.of("2", "7"), null, null, null, null, null, null, null).apply(OSDS))).containsExactly(2, 7);
    }

    @Test
    void filtersSearchAndOrderingCombine() {
        assertThat(ids(listing(null, null, "false", null, null, null, null, null, null).apply(OSDS))).containsExactly(0, 3, 6, 9);
        assertThat(ids(listing(null, null, null, "0", null, null, null, null, null).apply(OSDS))).containsExactly(4);
        assertThat(ids(listing(null, null, null, null, "store1", null, "-id", null, null).apply(OSDS))).containsExactly(9, 7, 5, 3, 1);
        assertThat(ids(listing(null, null, null, null, null, "OSD.7", null, null, null).apply(OSDS))).containsExactly(7);
        assertThat(ids(listing(null, null, null, null, null, "10.1.0.3", null, null, null).apply(OSDS))).containsExactly(3);
        assertThat(ids(listing(null, null, null, null, null, null, "reweight", null, null).apply(OSDS)).get(0)).isEqualTo(9);
    }

    @Test
    void pagesCountEverythingAndLinkToTheirNeighbours() {
        Page<?> first = (Page<?>) listing("1", null, null, null, null, null, null, "1", "4").apply(OSDS);
        assertThat(first.count()).isEqualTo(10);
        assertThat(ids(first)).containsExactly(0, 1, 2, 3);
        assertThat(first.previous()).isNull();
        assertThat(first.next()).isEqualTo("?pool=1&page=2&page_size=4");

        Page<?> last = (Page<?>) listing(null, null, null, null, null, null, null, "3", "4").apply(OSDS);
        assertThat(ids(last)).containsExactly(8, 9);
        assertThat(last.next()).isNull();
        assertThat(last.previous()).isEqualTo("?page=2&page_size=4");

        Page<?> beyond = (Page<?>) listing(null, null, null, null, null, null, null, "9", null).apply(OSDS);
        assertThat(beyond.results()).isEmpty();
        assertThat(beyond.count()).isEqualTo(10);
    }

    @Test
    void everyBadParameterIsNamedInOneAnswer() {
        Refusal error = catchThrowableOfType(Refusal.class,
                () -> listing("x", List.of("1", "-3"), "maybe", null, null, null, "weight", "0", "5000"));

        Problem problem = RefusalMapper.problem(error);
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.errors()).extracting(Problem.FieldError::field)
                .containsExactlyInAnyOrder("pool", "id__in[]", "up", "ordering", "page", "page_size");
    }
}
