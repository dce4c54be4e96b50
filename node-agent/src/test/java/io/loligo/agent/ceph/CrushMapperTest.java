package io.loligo.agent.ceph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.jna.Memory;
import io.loligo.agent.config.AgentConfig;
import io.loligo.agent.host.HostProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * libceph-common's CRUSH, its map made again from crushtool's own dump of it, places every input as crushtool does:
 * on a map of every bucket algorithm (straw2, straw, list, tree; uniform on a built one), device classes' shadow
 * trees, firstn and indep rules, a rule of two choose steps, and the tunables a rule's steps set; with override
 * weights that pass OSDs over and an OSD out; inputs hashed with a pool's id as crushtool's {@code --pool-id} does.
 */
class CrushMapperTest {
    private static final LibCephCrush CRUSH = LibCephCrush.load(AgentConfig.DEBIAN_CEPH_COMMON);
    private static final Pattern MAPPING = Pattern.compile("^CRUSH rule \\d+ x (\\d+) \\[([^]]*)]");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int INPUTS = 1024;
    private static final int POOL = 5;

    @TempDir
    Path work;

    @Test
    void aMapOfEveryAlgorithmClassesAndRuleKindPlacesEveryInputAsCrushtoolDoes() throws Exception {
        Path map = work.resolve("mixed");
        Files.write(map, new CrushTool("crushtool").compile(resource("mixed.txt")));
        Map<Integer, Double> weights = Map.of(1, 0.5, 7, 0.0, 9, 0.3);
        // rule, size: replicated across hosts, erasure 4 wide, two racks of two hosts, the ssd class alone
        for (int[] rule : new int[][] {{0, 3}, {1, 4}, {2, 4}, {3, 2}}) {
            assertSameMappings(map, rule[0], rule[1], weights, 12);
        }
    }

    @Test
    void aBuiltMapOfUniformAndStrawBucketsWithLegacyTunablesPlacesEveryInputAsCrushtoolDoes() throws Exception {
        Path map = work.resolve("built");
        tool("crushtool", "--outfn", map.toString(), "--build", "--num_osds", "24", "host", "uniform", "4", "rack", "straw", "3", "root", "straw2", "0");
        tool("crushtool", "-i", map.toString(), "--set-chooseleaf-vary-r", "0", "--set-chooseleaf-stable", "0", "--set-straw-calc-version", "0",
                "--set-choose-total-tries", "19", "-o", map.toString());
        assertSameMappings(map, 0, 3, Map.of(3, 0.0, 10, 0.7), 24);
    }

    @Test
    void weightSetsAreRefusedByName() throws IOException {
        JsonNode dump = MAPPER.readTree("{\"choose_args\": {\"1\": []}, \"tunables\": {}}");
        assertThatThrownBy(() -> CrushMapper.build(CRUSH, dump)).isInstanceOf(CrushMapper.Unsupported.class).hasMessageContaining("choose_args");
    }

    private void assertSameMappings(Path map, int rule, int size, Map<Integer, Double> weights, int devices) throws Exception {
        List<String> command = new ArrayList<>(List.of("crushtool", "-i", map.toString(), "--test", "--show-mappings", "--rule", String.valueOf(rule),
                "--num-rep", String.valueOf(size), "--min-x", "0", "--max-x", String.valueOf(INPUTS - 1), "--pool-id", String.valueOf(POOL)));
        int[] byOsd = new int[devices];
        for (int osd = 0; osd < devices; osd++) {
            double weight = weights.getOrDefault(osd, 1.0);
            byOsd[osd] = (int) (weight * LibCephCrush.WEIGHT_IN);
            if (weight != 1) {
                command.addAll(List.of("--weight", String.valueOf(osd), String.valueOf(weight)));
            }
        }
        Map<Integer, List<Integer>> expected = new HashMap<>();
        tool(command.toArray(String[]::new)).lines().forEach(line -> {
            Matcher mapping = MAPPING.matcher(line);
            if (mapping.find()) {
                List<Integer> items = new ArrayList<>();
                for (String item : mapping.group(2).split(",")) {
                    if (!item.isBlank()) {
                        items.add(Integer.parseInt(item.strip()));
                    }
                }
                expected.put(Integer.parseInt(mapping.group(1)), items);
            }
        });
        assertThat(expected).hasSize(INPUTS);

        Map<Integer, List<Integer>> mapped = new HashMap<>();
        JsonNode dump = MAPPER.readTree(tool("crushtool", "-i", map.toString(), "--dump"));
        try (CrushMapper crush = CrushMapper.build(CRUSH, dump)) {
            Memory crushWeights = CrushMapper.weights(byOsd);
            int found = crush.findRule(rule, ruleType(rule, dump), size);
            for (int x = 0; x < INPUTS; x++) {
                mapped.put(x, crush.map(found, crush.hash(x, POOL), size, crushWeights));
            }
        }
        assertThat(mapped).as("rule %d, %d items", rule, size).isEqualTo(expected);
    }

    private static int ruleType(int rule, JsonNode dump) {
        for (JsonNode candidate : dump.path("rules")) {
            if (candidate.path("rule_id").asInt() == rule) {
                return candidate.path("type").asInt();
            }
        }
        throw new IllegalArgumentException("no rule " + rule);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = CrushMapperTest.class.getResourceAsStream("/ceph/crush/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String tool(String... command) {
        return HostProcess.run(List.of(command), Duration.ofMinutes(1)).outputOrFail();
    }
}
