package io.loligo.agent.ceph;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DescriptionsTest {
    private final Descriptions<String> kept = new Descriptions<>();
    private final List<String> describedKeys = new ArrayList<>();
    private final Descriptions.Describer<String> describer = (key, label) -> {
        describedKeys.add(key);
        return label.equals("gone") ? null : JsonNodeFactory.instance.objectNode().put("key", key).put("label", label);
    };

    private Descriptions.Read<String> read(Map<String, String> listed, Duration newBudget) {
        describedKeys.clear();
        return kept.read(listed, describer, newBudget, Duration.ZERO);
    }

    @Test
    void aLargeListingIsDescribedOverSeveralReadsNewEntriesFirst() {
        Map<String, String> listed = listing("a", "b", "c");
        Descriptions.Read<String> first = read(listed, Duration.ZERO);
        // one new entry for the spent budget, then the stalest described one: the same, as it is the only one
        assertThat(first.described()).hasSize(1);
        assertThat(first.pending()).hasSize(2);
        Descriptions.Read<String> second = read(listed, Duration.ZERO);
        assertThat(second.described()).hasSize(2);
        Descriptions.Read<String> whole = read(listed, Duration.ofSeconds(5));
        assertThat(whole.pending()).isEmpty();
        assertThat(whole.described()).extracting(node -> node.path("key").asText()).containsExactly("a", "b", "c");
    }

    @Test
    void aRelabelledOrChangedEntryIsDescribedBeforeTheOthersAndAGoneOneDropped() {
        read(listing("a", "b", "c"), Duration.ofSeconds(5));
        Map<String, String> renamed = listing("a", "b", "c");
        renamed.put("b", "b-renamed");
        read(renamed, Duration.ZERO);
        assertThat(describedKeys.get(0)).isEqualTo("b");

        kept.changed((key, label) -> key.equals("c"));
        read(renamed, Duration.ZERO);
        assertThat(describedKeys.get(0)).isEqualTo("c");

        Map<String, String> goneNow = new LinkedHashMap<>(renamed);
        goneNow.put("a", "gone");
        Descriptions.Read<String> afterGone = read(goneNow, Duration.ZERO);
        assertThat(afterGone.described()).extracting(node -> node.path("key").asText()).containsExactly("b", "c");
    }

    @Test
    void aReadGivenAnEarlierMarkAnswersOnlyTheDescriptionsChangedSinceAndEveryKey() {
        Map<String, String> listed = listing("a", "b", "c");
        Descriptions.Read<String> whole = kept.read(listed, describer, Duration.ofSeconds(5), Duration.ZERO, null);
        assertThat(whole.whole()).isTrue();
        assertThat(whole.described()).hasSize(3);

        // described again alike: nothing changed
        Descriptions.Read<String> same = kept.read(listed, describer, Duration.ZERO, Duration.ofSeconds(5), whole.mark());
        assertThat(same.whole()).isFalse();
        assertThat(same.described()).isEmpty();
        assertThat(same.keys()).containsExactly("a", "b", "c");

        Map<String, String> changed = listing("a", "c", "d");
        changed.put("a", "a-renamed");
        Descriptions.Read<String> after = kept.read(changed, describer, Duration.ofSeconds(5), Duration.ZERO, same.mark());
        assertThat(after.described()).extracting(node -> node.path("label").asText()).containsExactly("a-renamed", "d");
        assertThat(after.keys()).as("b gone").containsExactly("a", "c", "d");
    }

    @Test
    void aMarkOfAnotherInstanceOrNoneAtAllGetsEveryDescription() {
        Map<String, String> listed = listing("a", "b");
        String othersMark = new Descriptions<String>().read(listed, describer, Duration.ofSeconds(5), Duration.ZERO, null).mark();
        kept.read(listed, describer, Duration.ofSeconds(5), Duration.ZERO, null);

        for (String mark : new String[] {othersMark, "garbage", null}) {
            Descriptions.Read<String> read = kept.read(listed, describer, Duration.ZERO, Duration.ZERO, mark);
            assertThat(read.whole()).isTrue();
            assertThat(read.described()).hasSize(2);
        }
    }

    private static Map<String, String> listing(String... keys) {
        Map<String, String> listed = new LinkedHashMap<>();
        for (String key : keys) {
            listed.put(key, key);
        }
        return listed;
    }
}
