package io.loligo.cluster.rbd;

import io.loligo.cluster.listing.MemoryListing;
import io.loligo.cluster.listing.SortedViews;
import io.loligo.contracts.api.Page;
import io.loligo.contracts.api.Problem;
import io.loligo.contracts.api.RbdImageView;
import io.loligo.contracts.api.RefusalMapper;
import io.loligo.contracts.refusal.Refusal;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RbdImageListingTest {
    private static final List<RbdImageView> IMAGES = List.of(
            image("vm-disk-2", 20L << 30, 3L << 30, 2),
            image("vm-disk-10", 10L << 30, null, 0),
            image("k8s-pvc-a", 1L << 30, 512L << 20, 5),
            image("vm-disk-1", 20L << 30, 7L << 30, 1));

    @Test
    void imagesComeByNameUnlessAskedOtherwise() {
        assertThat(names(listing(null, null, null, null).apply(IMAGES)))
                .containsExactly("k8s-pvc-a", "vm-disk-1", "vm-disk-10", "vm-disk-2");
    }

    @Test
    void anOrderingSortsByItsFieldThenByNameAndImagesWithoutAValueComeLastEitherWay() {
        assertThat(names(listing(null, "-size", null, null).apply(IMAGES)))
                .containsExactly("vm-disk-1", "vm-disk-2", "vm-disk-10", "k8s-pvc-a");
        assertThat(names(listing(null, "used_bytes", null, null).apply(IMAGES)))
                .containsExactly("k8s-pvc-a", "vm-disk-2", "vm-disk-1", "vm-disk-10");
        assertThat(names(listing(null, "-used_bytes", null, null).apply(IMAGES)))
                .containsExactly("vm-disk-1", "vm-disk-2", "k8s-pvc-a", "vm-disk-10");
    }

    @Test
    void aSearchMatchesPartOfTheNameAndThePageLinksCarryIt() {
        Page<RbdImageView> page = listing("VM-DISK", "-snapshot_count", "1", "2").apply(IMAGES);

        assertThat(page.count()).isEqualTo(3);
        assertThat(names(page)).containsExactly("vm-disk-2", "vm-disk-1");
        assertThat(page.next()).isEqualTo("?search=vm-disk&ordering=-snapshot_count&page=2&page_size=2");
        assertThat(page.previous()).isNull();
    }

    /** A large pool's images are sorted once per listing and order; every page and search is then cut from that. */
    @Test
    void aListingKeepsEachOrderAndAnswersPagesAndSearchesFromIt() {
        SortedViews<RbdImageView> listing = new SortedViews<>(IMAGES);
        MemoryListing<RbdImageView> bySize = listing(null, "-size", "2", "2");
        List<RbdImageView> sorted = listing.inOrderOf(bySize);
        assertThat(listing.inOrderOf(listing("vm", "-size", null, null))).as("kept, not sorted again").isSameAs(sorted);
        assertThat(names(bySize.applySorted(sorted))).containsExactly("vm-disk-10", "k8s-pvc-a");
        assertThat(names(listing("vm", "-size", null, null).applySorted(sorted)))
                .containsExactly("vm-disk-1", "vm-disk-2", "vm-disk-10");
        assertThat(listing.inOrderOf(listing(null, null, null, null))).extracting(RbdImageView::name)
                .containsExactly("k8s-pvc-a", "vm-disk-1", "vm-disk-10", "vm-disk-2");
    }

    @Test
    void eachWrongParameterIsNamed() {
        Refusal refused = catchThrowableOfType(Refusal.class, () -> listing(null, "colour", "0", "5000"));

        assertThat(RefusalMapper.problem(refused).status()).isEqualTo(400);
        assertThat(refused.errors()).extracting(Problem.FieldError::field).containsExactly("ordering", "page", "page_size");
    }

    private static List<String> names(Page<RbdImageView> page) {
        return page.results().stream().map(RbdImageView::name).toList();
    }

    private static RbdImageView image(String name, long size, Long used, int snapshots) {
        return new RbdImageView(name, name + "-id", "rbd", size, 4L << 20, 22, List.of("layering"), null, null, snapshots, List.of(), 0, size, used,
                "2026-12-06T10:00:00Z");
    }

    private static MemoryListing<RbdImageView> listing(String search, String ordering, String page, String pageSize) {
        return new MemoryListing<>(RbdImageListing.FIELDS, search, ordering, page, pageSize);
    }
}
