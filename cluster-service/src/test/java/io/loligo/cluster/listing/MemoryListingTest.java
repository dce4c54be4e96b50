package io.loligo.cluster.listing;

import io.loligo.contracts.api.Page;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class MemoryListingTest {
    private record Bucket(String name, String owner, long objects) {
    }

    private static final MemoryListing.Fields<Bucket> FIELDS = new MemoryListing.Fields<>(Bucket::name,
            Map.<String, Function<Bucket, Comparable<?>>>of("objects", Bucket::objects));
    private static final List<Bucket> BUCKETS = List.of(new Bucket("logs", "bob", 7), new Bucket("photos", "carol", 3),
            new Bucket("photos-old", "bob", 9), new Bucket("backups", "bob", 1));

    @Test
    void aFilterNarrowsTheListBesideTheSearchAndThePageLinksCarryIt() {
        MemoryListing<Bucket> listing = new MemoryListing<>(FIELDS, "o", "-objects", "1", "1")
                .filtered("owner", "bob", bucket -> bucket.owner().equals("bob"));
        SortedViews<Bucket> sorted = new SortedViews<>(BUCKETS);

        Page<Bucket> page = sorted.page(listing);

        assertThat(page.count()).isEqualTo(2);
        assertThat(page.results()).extracting(Bucket::name).containsExactly("photos-old");
        assertThat(page.next()).isEqualTo("?owner=bob&search=o&ordering=-objects&page=2&page_size=1");
        assertThat(sorted.page(new MemoryListing<>(FIELDS, null, null, null, null).filtered("owner", "", bucket -> false)).count())
                .as("a filter left blank keeps everything").isEqualTo(4);
    }
}
