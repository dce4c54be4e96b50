package io.loligo.systest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loligo.systest.CalamariClient.Answer;
import io.loligo.systest.CalamariContract.Route;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Calamari's API, route by route, as Calamari's own clients and scripts use it, on the real local cluster: every
 * route of Calamari's v1 and v2 (and the 1.3 branch's key, grains and log routes) is called, each answer checked
 * field by field against the serializer that wrote it in Calamari's sources, writes followed to completion as
 * Calamari's UI followed them and checked with the ceph CLI, and the errors, pages and bodies Calamari's clients
 * read checked in Calamari's forms.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CalamariCompatibilityIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern GROUP = Pattern.compile("\\(\\?<([a-zA-Z]+)>[^)]*\\)");
    private static final String POOL = "calamari-pool";
    private static final String RULE = "calamari-rule";
    private static final String RACK = "calamari-rack";
    private static final String HOST_BUCKET = "calamari-host";

    private static LocalPlatform platform;
    private static CalamariContract contract;
    private static CalamariClient v1;
    private static CalamariClient v2;
    private static String fsid;
    private static String fqdn;

    @BeforeAll
    static void start() throws Exception {
        platform = new LocalPlatform("CalamariCompatibilityIT");
        platform.start();
        contract = new CalamariContract();
        fsid = platform.ceph("fsid");
        removeWhatAnEarlierRunLeft();
        fqdn = LocalPlatform.run(List.of("hostname", "-f"));
        v1 = new CalamariClient(platform.gateway.url(), "v1", contract);
        v2 = new CalamariClient(platform.gateway.url(), "v2", contract);
        v1.login("admin", platform.adminPassword());
        v2.login("admin", platform.adminPassword());
        await().atMost(Duration.ofSeconds(60)).until(() -> v2.get("cluster/" + fsid + "/osd").json().size() == 3
                && v2.get("cluster/" + fsid + "/sync_object/pg_summary").status() == 200);
    }

    @AfterAll
    static void stop() throws Exception {
        if (platform != null) {
            removeWhatAnEarlierRunLeft();
            platform.close();
        }
    }

    @Test
    @Order(1)
    void the_login_page_and_the_script_client_log_in_as_calamari_s_did() throws Exception {
        // the login app: GET for the cookie, then POST JSON with the cookie echoed and a next page
        CalamariClient page = new CalamariClient(platform.gateway.url(), "v1", contract);
        assertThat(page.get("auth/login/").status()).isEqualTo(200);
        Answer wrong = page.json("POST", "auth/login/", Map.of("username", "admin", "password", "not the password", "next", "/dashboard/"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().path("message").asText()).isEqualTo("User authentication failed");
        Answer missing = page.json("POST", "auth/login/", Map.of("username", "", "next", "/dashboard/"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("username").asText()).isEqualTo("This field is required");
        assertThat(missing.json().path("password").asText()).isEqualTo("This field is required");
        String before = page.xsrfCookie().orElseThrow();
        Answer right = page.json("POST", "auth/login/", Map.of("username", "admin", "password", platform.adminPassword(), "next", "/dashboard/"));
        assertThat(right.status()).isEqualTo(200);
        assertThat(right.json().isObject()).isTrue();
        assertThat(page.xsrfCookie().orElseThrow()).as("the XSRF token rotates at login").isNotEqualTo(before);
        assertThat(page.get("user/me").json().path("username").asText()).isEqualTo("admin");

        // a form-encoded login, which Django REST Framework's parsers took as well
        CalamariClient form = new CalamariClient(platform.gateway.url(), "v2", contract);
        form.get("auth/login");
        assertThat(form.form("POST", "auth/login", "username=admin&password=" + platform.adminPassword()).status()).isEqualTo(200);
        assertThat(form.get("cluster").status()).isEqualTo(200);

        // logging out, by GET (Calamari's UI) and by POST, in both versions
        Answer out = page.get("auth/logout");
        assertThat(out.status()).isEqualTo(200);
        assertThat(out.json().path("message").asText()).isEqualTo("Logged out");
        assertThat(form.json("POST", "auth/logout", Map.of()).status()).isEqualTo(200);
        for (CalamariClient other : List.of(new CalamariClient(platform.gateway.url(), "v1", contract),
                new CalamariClient(platform.gateway.url(), "v2", contract))) {
            other.login("admin", platform.adminPassword());
            Answer bye = other.apiUrl().endsWith("v1/") ? other.json("POST", "auth/logout/", Map.of()) : other.get("auth/logout/");
            assertThat(bye.status()).isEqualTo(200);
            assertThat(other.get("cluster").status()).isEqualTo(403);
        }
        Answer afterwards = page.get("cluster");
        assertThat(afterwards.status()).as("a call without a session, as DRF refused it").isEqualTo(403);
        assertThat(afterwards.json().path("detail").asText()).isEqualTo("Authentication credentials were not provided.");
    }

    @Test
    @Order(2)
    void every_read_answers_what_calamari_s_serializer_wrote() throws Exception {
        Map<String, String> parameters = readParameters();
        List<String> faults = new ArrayList<>();
        for (Route route : contract.routes()) {
            if (!route.method().equals("GET") || route.name().contains("auth/")) {
                continue;
            }
            if (route.regex().pattern().contains("syncType")) {
                for (JsonNode type : v2.get("cluster/" + fsid + "/sync_object").json()) {
                    faults.addAll(read(route, "cluster/" + fsid + "/sync_object/" + type.asText(), "v2.sync_object." + type.asText()));
                }
                continue;
            }
            faults.addAll(read(route, path(route, parameters), route.serializer()));
        }
        assertThat(faults).as("fields missing from or retyped in Loligo's answers, against Calamari's serializers").isEmpty();
    }

    @Test
    @Order(3)
    void errors_pages_and_bodies_come_in_calamari_s_forms() throws Exception {
        // a session-authenticated change without the XSRF header: Django's CSRF check refused it
        Answer noXsrf = v2.send("PATCH", "cluster/" + fsid + "/osd_config", "{\"noout\": false}", "application/json", false);
        assertThat(noXsrf.status()).isEqualTo(403);
        assertThat(noXsrf.json().path("detail").asText()).isEqualTo("CSRF Failed: CSRF token missing or incorrect.");

        // a field a serializer cannot read, and one a method may not send
        Answer invalid = v2.json("POST", "cluster/" + fsid + "/pool", Map.of("name", POOL, "pg_num", "many", "id", 7));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("pg_num").path(0).asText()).isEqualTo("Enter a whole number.");
        assertThat(invalid.json().path("id").asText()).isEqualTo("Not allowed during POST");
        assertThat(v2.json("POST", "cluster/" + fsid + "/pool", Map.of("pg_num", 8)).json().path("name").asText())
                .isEqualTo("Required during POST");

        // a body that is not JSON
        Answer unreadable = v2.send("POST", "cluster/" + fsid + "/pool", "{\"name\": ", "application/json");
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.json().path("detail").asText()).startsWith("JSON parse error - ");

        // unknown objects, and a method a route does not take
        Answer noOsd = v2.get("cluster/" + fsid + "/osd/99");
        assertThat(noOsd.status()).isEqualTo(404);
        assertThat(noOsd.json().has("detail")).isTrue();
        Answer notAllowed = v1.delete("cluster/" + fsid);
        assertThat(notAllowed.status()).isEqualTo(405);
        assertThat(notAllowed.json().path("detail").asText()).isEqualTo("Method 'DELETE' not allowed.");

        // Calamari's query checks, in its words
        assertThat(v2.get("cluster/" + fsid + "/osd?pool=first").text()).isEqualTo("\"Pool ID must be an integer\"");
        assertThat(v2.get("cluster/" + fsid + "/osd?id__in[]=x").text()).isEqualTo("\"Invalid OSD ID in list\"");
        assertThat(v2.get("request?state=queued").json().path("detail").asText()).isEqualTo("State must be one of complete, submitted");
        assertThat(v2.get("event?severity=LOUD").status()).isEqualTo(400);

        // pages: absolute links with the query kept in order, a page past the end refused
        Answer first = v2.get("event?page_size=1");
        assertThat(first.json().path("count").asLong()).isGreaterThan(1);
        assertThat(first.json().path("next").asText()).isEqualTo(v2.apiUrl() + "event?page=2&page_size=1");
        assertThat(first.json().path("previous").isNull()).isTrue();
        Answer second = v2.get("event?page=2&page_size=1");
        assertThat(second.json().path("previous").asText()).isEqualTo(v2.apiUrl() + "event?page=1&page_size=1");
        long count = first.json().path("count").asLong();
        Answer past = v2.get("event?page_size=1&page=" + (count + 1));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().path("detail").asText()).isEqualTo("That page contains no results");
        assertThat(v2.get("event?page=0").json().path("detail").asText()).isEqualTo("That page number is less than 1");
        assertThat(v2.get("event?page=x").json().path("detail").asText()).isEqualTo("That page number is not an integer");
        assertThat(v2.get("request?page=1").json().path("count").isIntegralNumber()).as("the first page exists even when empty").isTrue();
    }

    @Test
    @Order(4)
    void a_pool_is_created_changed_and_deleted_as_calamari_s_ui_did_it() throws Exception {
        Answer defaults = v2.get("cluster/" + fsid + "/pool?defaults");
        assertThat(defaults.json().path("crush_ruleset").isIntegralNumber()).isTrue();
        assertThat(defaults.json().path("hashpspool").asBoolean()).isTrue();

        // a form, as Django REST Framework's form parser took it
        Answer created = v2.form("POST", "cluster/" + fsid + "/pool", "name=" + POOL + "&pg_num=8&size=2&quota_max_objects=10");
        assertThat(created.status()).as(created.text()).isEqualTo(202);
        JsonNode request = awaitComplete(created.json().path("request_id").asText());
        assertThat(request.path("error").asBoolean()).as(request.toString()).isFalse();
        JsonNode pool = cliPool(POOL);
        assertThat(pool.path("size").asInt()).isEqualTo(2);
        // the quota is in the OSD map; Ceph reports it once the mgr has the new pool's statistics
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(platform.ceph("osd", "pool", "get-quota", POOL, "-f", "json")).contains("\"quota_max_objects\":10"));
        int id = pool.path("pool_id").asInt();

        Answer taken = v2.json("POST", "cluster/" + fsid + "/pool", Map.of("name", POOL, "pg_num", 8));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().path("name").isArray()).as(taken.text()).isTrue();

        Answer changed = v2.json("PATCH", "cluster/" + fsid + "/pool/" + id, Map.of("name", POOL + "-renamed", "quota_max_bytes", 1 << 20));
        assertThat(changed.status()).as(changed.text()).isEqualTo(202);
        assertThat(awaitComplete(changed.json().path("request_id").asText()).path("error").asBoolean()).isFalse();
        // the mgr's stats name a renamed pool a moment after the monitors do: get-quota asks them
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                assertThat(platform.ceph("osd", "pool", "get-quota", POOL + "-renamed", "-f", "json")).contains("\"quota_max_bytes\":1048576"));
        assertThat(v2.json("PATCH", "cluster/" + fsid + "/pool/" + id, Map.of("quota_max_bytes", 1 << 20)).status())
                .as("a change to nothing").isEqualTo(304);
        assertThat(v2.json("PATCH", "cluster/" + fsid + "/pool/" + id, Map.of("type", "erasure")).json().path("type").asText())
                .isEqualTo("Not allowed during PATCH");
        assertThat(v2.get("cluster/" + fsid + "/pool/" + id + "/stats").json().path("name").asText()).isEqualTo(POOL + "-renamed");
        assertThat(v1.get("cluster/" + fsid + "/pool/" + id).json().path("quota_max_bytes").asLong()).isEqualTo(1 << 20);

        Answer deleted = v2.delete("cluster/" + fsid + "/pool/" + id);
        assertThat(deleted.status()).as(deleted.text()).isEqualTo(202);
        assertThat(awaitComplete(deleted.json().path("request_id").asText()).path("error").asBoolean()).isFalse();
        assertThat(platform.ceph("osd", "pool", "ls")).doesNotContain(POOL);
    }

    @Test
    @Order(5)
    void osds_are_marked_reweighted_and_scrubbed_and_their_flags_set() throws Exception {
        String osd = "cluster/" + fsid + "/osd/1";
        Answer out = v2.json("PATCH", osd, Map.of("in", false));
        assertThat(out.status()).as(out.text()).isEqualTo(202);
        awaitComplete(out.json().path("request_id").asText());
        assertThat(cliOsd(1).path("in").asInt()).isZero();
        Answer in = v2.form("PATCH", osd, "in=true");
        assertThat(in.status()).as(in.text()).isEqualTo(202);
        awaitComplete(in.json().path("request_id").asText());
        assertThat(cliOsd(1).path("in").asInt()).isEqualTo(1);

        Answer reweight = v2.json("PATCH", osd, Map.of("reweight", 0.5));
        awaitComplete(reweight.json().path("request_id").asText());
        assertThat(cliOsd(1).path("weight").asDouble()).isEqualTo(0.5);
        awaitComplete(v2.json("PATCH", osd, Map.of("reweight", 1.0)).json().path("request_id").asText());
        assertThat(v2.json("PATCH", osd, Map.of("up", true)).status()).as("an OSD that is up, asked to be up").isEqualTo(304);
        assertThat(v2.json("PATCH", osd, Map.of("uuid", "x")).json().path("uuid").asText()).isEqualTo("Not allowed during PATCH");

        Answer scrub = v2.json("POST", osd + "/command/scrub", Map.of());
        assertThat(scrub.status()).isEqualTo(202);
        assertThat(awaitComplete(scrub.json().path("request_id").asText()).path("error").asBoolean()).isFalse();
        Answer unknown = v2.json("POST", osd + "/command/defrag", Map.of());
        assertThat(unknown.status()).isEqualTo(403);
        assertThat(unknown.text()).isEqualTo("\"defrag not valid on 1\"");
        assertThat(v2.get(osd + "/command/defrag").json().path("valid").asBoolean()).isFalse();

        Answer noout = v2.json("PATCH", "cluster/" + fsid + "/osd_config", Map.of("noout", true));
        assertThat(noout.status()).isEqualTo(202);
        awaitComplete(noout.json().path("request_id").asText());
        assertThat(platform.ceph("osd", "dump", "-f", "json")).contains("noout");
        assertThat(v2.json("PATCH", "cluster/" + fsid + "/osd_config", Map.of("noout", true)).status()).isEqualTo(304);
        assertThat(v2.json("PATCH", "cluster/" + fsid + "/osd_config", Map.of("nosuchflag", true)).status())
                .as("Calamari refused a bad flag with a 403").isEqualTo(403);
        awaitComplete(v2.json("PATCH", "cluster/" + fsid + "/osd_config", Map.of("noout", false)).json().path("request_id").asText());
        assertThat(JSON.readTree(platform.ceph("osd", "dump", "-f", "json")).path("flags").asText()).doesNotContain("noout");
    }

    @Test
    @Order(6)
    void crush_rules_buckets_and_the_map_change_as_calamari_changed_them() throws Exception {
        String cluster = "cluster/" + fsid;
        List<Map<String, Object>> steps = List.of(Map.of("op", "take", "item_name", "default"),
                Map.of("op", "chooseleaf_firstn", "num", 0, "type", "osd"), Map.of("op", "emit"));
        Answer created = v2.json("POST", cluster + "/crush_rule", Map.of("name", RULE, "type", "replicated", "min_size", 1,
                "max_size", 10, "steps", steps));
        assertThat(created.status()).as(created.text()).isEqualTo(202);
        awaitComplete(created.json().path("request_id").asText());
        JsonNode rule = JSON.readTree(platform.ceph("osd", "crush", "rule", "dump", RULE, "-f", "json"));
        int ruleId = rule.path("rule_id").asInt();
        assertThat(v2.json("POST", cluster + "/crush_rule", Map.of("name", RULE)).json().path("steps").asText()).isEqualTo("Required during POST");
        Answer changed = v2.json("PATCH", cluster + "/crush_rule/" + ruleId, Map.of("max_size", 5));
        assertThat(changed.status()).as(changed.text()).isEqualTo(202);
        awaitComplete(changed.json().path("request_id").asText());
        assertThat(JSON.readTree(platform.ceph("osd", "crush", "rule", "dump", RULE, "-f", "json")).path("max_size").asInt()).isEqualTo(5);
        assertThat(v2.get(cluster + "/crush_rule/" + ruleId).json().path("type").asText()).isEqualTo("replicated");
        Answer removed = v2.delete(cluster + "/crush_rule/" + ruleId);
        assertThat(removed.status()).isEqualTo(202);
        awaitComplete(removed.json().path("request_id").asText());
        assertThat(platform.ceph("osd", "crush", "rule", "ls")).doesNotContain(RULE);

        // two buckets outside the tree that holds data: one comes into the other, then leaves it
        awaitComplete(v2.json("POST", cluster + "/crush_node", Map.of("name", RACK, "bucket_type", "rack", "items", List.of()))
                .json().path("request_id").asText());
        awaitComplete(v2.form("POST", cluster + "/crush_node", "name=" + HOST_BUCKET + "&bucket_type=host").json().path("request_id").asText());
        int rack = bucketId(RACK);
        int host = bucketId(HOST_BUCKET);
        Answer moved = v2.json("PATCH", cluster + "/crush_node/" + rack, Map.of("items", List.of(Map.of("id", host, "weight", 0, "pos", 0))));
        assertThat(moved.status()).as(moved.text()).isEqualTo(202);
        awaitComplete(moved.json().path("request_id").asText());
        assertThat(childrenOf(RACK)).containsExactly(host);
        awaitComplete(v2.json("PATCH", cluster + "/crush_node/" + rack, Map.of("items", List.of())).json().path("request_id").asText());
        assertThat(childrenOf(RACK)).isEmpty();
        assertThat(v2.get(cluster + "/crush_node/" + rack).json().path("name").asText()).isEqualTo(RACK);
        for (int bucket : List.of(host, rack)) {
            Answer gone = v2.delete(cluster + "/crush_node/" + bucket);
            assertThat(gone.status()).isEqualTo(202);
            awaitComplete(gone.json().path("request_id").asText());
        }
        assertThat(platform.ceph("osd", "crush", "tree")).doesNotContain(RACK).doesNotContain(HOST_BUCKET);

        // the whole map as text, as Calamari's parser took it: the same map changes nothing, a new rule is written
        String text = v2.get(cluster + "/crush_map").json().asText();
        assertThat(v2.text("POST", cluster + "/crush_map", text).status()).isEqualTo(304);
        String withRule = text.replace("# end crush map", "rule " + RULE + " {\n\tid 42\n\ttype replicated\n\tmin_size 1\n\tmax_size 10\n"
                + "\tstep take default\n\tstep chooseleaf firstn 0 type osd\n\tstep emit\n}\n\n# end crush map");
        Answer replaced = v2.text("POST", cluster + "/crush_map", withRule);
        assertThat(replaced.status()).as("Calamari answered a replaced map with a 200: " + replaced.text()).isEqualTo(200);
        awaitComplete(replaced.json().path("request_id").asText());
        assertThat(platform.ceph("osd", "crush", "rule", "ls")).contains(RULE);
        awaitComplete(v2.delete(cluster + "/crush_rule/42").json().path("request_id").asText());
    }

    @Test
    @Order(7)
    void requests_read_as_calamari_s_two_states() throws Exception {
        Answer all = v2.get("cluster/" + fsid + "/request?page_size=100");
        assertThat(all.json().path("count").asInt()).isGreaterThan(5);
        for (JsonNode request : all.json().path("results")) {
            assertThat(request.path("state").asText()).isIn("submitted", "complete");
        }
        assertThat(v2.get("request?state=complete").json().path("count").asInt()).isEqualTo(all.json().path("count").asInt());
        String id = all.json().path("results").path(0).path("id").asText();
        Answer cancelled = v2.json("POST", "request/" + id + "/cancel", Map.of());
        assertThat(cancelled.status()).as("cancelling an ended request leaves it as it is").isEqualTo(200);
        assertThat(cancelled.json().path("error").asBoolean()).isFalse();
        assertThat(v2.get("cluster/" + fsid + "/request/" + id).json().path("id").asText()).isEqualTo(id);
    }

    @Test
    @Order(8)
    void servers_show_their_grains_and_logs_and_the_cli_runs() throws Exception {
        assertThat(v2.get("server/" + fqdn + "/grains").json().path("num_cpus").asInt())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        JsonNode logs = v2.get("server/" + fqdn + "/log").json();
        assertThat(logs.toString()).contains("log/ceph.log");
        Answer tail = v2.get("server/" + fqdn + "/log/log/ceph.log?lines=3");
        assertThat(tail.json().path("lines").asText().strip().split("\n")).hasSize(3);
        assertThat(v2.get("server/" + fqdn + "/log/log/../ceph.conf").status()).isEqualTo(404);
        assertThat(v2.get("cluster/" + fsid + "/log?lines=5").json().path("lines").asText()).isNotEmpty();

        Answer debug = v2.json("POST", "server/" + fqdn + "/debug_job", Map.of("cmd", "cmd.run", "args", List.of("id")));
        assertThat(debug.status()).isEqualTo(403);
        assertThat(debug.json().path("detail").asText()).isEqualTo("Command 'cmd.run' is not a self test command");

        Answer cli = v2.json("POST", "cluster/" + fsid + "/cli", Map.of("command", "ceph osd tree -f json"));
        assertThat(cli.status()).as(cli.text()).isEqualTo(200);
        assertThat(JSON.readTree(cli.json().path("out").asText()).path("nodes"))
                .isEqualTo(JSON.readTree(platform.ceph("osd", "tree", "-f", "json")).path("nodes"));
    }

    @Test
    @Order(9)
    void agents_keys_are_decided_as_salt_minions_were() throws Exception {
        String node = "calamari-minion";
        ServiceProcess minion = platform.anotherAgent(node);
        minion.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> v2.get("key/" + node).status() == 200);
            assertThat(v2.get("key/" + node).json().path("status").asText()).isEqualTo("pre");
            assertThat(v2.get("key").json().findValuesAsText("id")).contains(node);
            Answer accepted = v2.json("PATCH", "key/" + node, Map.of("status", "accepted"));
            assertThat(accepted.status()).as(accepted.text()).isEqualTo(204);
            assertThat(v2.get("key/" + node).json().path("status").asText()).isEqualTo("accepted");
            assertThat(v2.delete("key/" + node).status()).isEqualTo(204);
            // forgotten, the agent asks again, and is refused in bulk, then forgotten in bulk
            await().atMost(Duration.ofSeconds(60)).until(() -> v2.get("key/" + node).status() == 200);
            Answer rejected = v2.json("PATCH", "key", List.of(Map.of("id", node, "status", "rejected")));
            assertThat(rejected.status()).as(rejected.text()).isEqualTo(204);
            assertThat(v2.get("key/" + node).json().path("status").asText()).isEqualTo("rejected");
            assertThat(v2.send("DELETE", "key", JSON.writeValueAsString(List.of(Map.of("id", node))), "application/json").status()).isEqualTo(204);
            assertThat(v2.json("PATCH", "key", Map.of("id", node)).json().path("detail").asText()).isEqualTo("Bulk PATCH must send a list");
        } finally {
            minion.stop();
        }
    }

    @Test
    @Order(10)
    void users_are_created_changed_and_deleted() throws Exception {
        for (CalamariClient client : List.of(v1, v2)) {
            Answer created = client.json("POST", "user", Map.of("username", "calamari-user", "password", "a long enough password",
                    "email", "c@example.com"));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            long id = created.json().path("id").asLong();
            assertThat(client.json("PATCH", "user/" + id, Map.of("email", "d@example.com")).json().path("email").asText())
                    .isEqualTo("d@example.com");
            // Calamari's account page sends its whole form, with an empty password when only the address changes
            Answer own = client.json("PUT", "user/me", Map.of("username", "admin", "email", "admin@example.com", "password", "",
                    "confirm", ""));
            assertThat(own.status()).as(own.text()).isEqualTo(200);
            assertThat(client.get("user/" + id).json().path("username").asText()).isEqualTo("calamari-user");
            assertThat(client.delete("user/" + id).status()).isEqualTo(204);
            assertThat(client.get("user/" + id).status()).isEqualTo(404);
        }
    }

    @Test
    @Order(11)
    void a_server_and_a_cluster_are_forgotten_and_found_again() throws Exception {
        assertThat(v2.delete("server/" + fqdn).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> v2.get("server/" + fqdn).status() == 200);
        assertThat(v2.delete("cluster/" + fsid).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> v2.get("cluster/" + fsid).status() == 200);
        await().atMost(Duration.ofSeconds(60)).until(() -> v2.get("cluster/" + fsid + "/osd").json().size() == 3);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void every_calamari_route_was_called() {
        assertThat(contract.neverCalled()).as("Calamari routes no test called with success").isEmpty();
    }

    /**
     * A run cut short leaves its pool, rule and buckets in the shared local cluster, where they would make the next
     * run, and the other system tests, fail.
     */
    private static void removeWhatAnEarlierRunLeft() throws Exception {
        String pools = platform.ceph("osd", "pool", "ls");
        for (String pool : List.of(POOL, POOL + "-renamed")) {
            if (pools.lines().anyMatch(pool::equals)) {
                platform.ceph("osd", "pool", "rm", pool, pool, "--yes-i-really-really-mean-it");
            }
        }
        if (platform.ceph("osd", "crush", "rule", "ls").lines().anyMatch(RULE::equals)) {
            platform.ceph("osd", "crush", "rule", "rm", RULE);
        }
        String tree = platform.ceph("osd", "crush", "tree");
        for (String bucket : List.of(HOST_BUCKET, RACK)) {
            if (tree.contains(bucket)) {
                platform.ceph("osd", "crush", "remove", bucket);
            }
        }
    }

    /** One read, checked against its serializer. */
    private static List<String> read(Route route, String path, String serializer) throws Exception {
        Answer answer = (route.version().equals("v1") ? v1 : v2).get(path);
        List<String> faults = new ArrayList<>();
        if (answer.status() != route.status()) {
            faults.add(route.name() + " (" + path + "): " + answer.status() + " " + answer.text());
            return faults;
        }
        Route checked = new Route(route.version(), route.method(), route.regex(), serializer, route.shape(), route.status());
        contract.mismatches(checked, answer.json()).forEach(fault -> faults.add(route.name() + " (" + path + ")" + fault));
        return faults;
    }

    /** Values for each route's parameters, from the cluster as it is. */
    private static Map<String, String> readParameters() throws Exception {
        Map<String, String> values = new HashMap<>();
        values.put("fsid", fsid);
        values.put("pk", "me");
        values.put("fqdn", fqdn);
        values.put("minionId", fqdn);
        values.put("osdId", "0");
        values.put("poolId", String.valueOf(v2.get("cluster/" + fsid + "/pool").json().path(0).path("id").asInt()));
        values.put("ruleId", "0");
        values.put("nodeId", "-1");
        values.put("typeId", "1");
        values.put("monId", v2.get("cluster/" + fsid + "/mon").json().path(0).path("name").asText());
        values.put("command", "scrub");
        values.put("key", "fsid");
        values.put("logPath", "log/ceph.log");
        JsonNode requests = v2.get("request").json().path("results");
        if (requests.isEmpty()) {
            Answer scrub = v2.json("POST", "cluster/" + fsid + "/osd/0/command/scrub", Map.of());
            awaitComplete(scrub.json().path("request_id").asText());
            requests = v2.get("request").json().path("results");
        }
        values.put("requestId", requests.path(0).path("id").asText());
        return values;
    }

    /** A route's path with each of Django's named groups filled in; "pk" is a user for user routes and a cluster otherwise. */
    private static String path(Route route, Map<String, String> values) {
        String pattern = route.regex().pattern().replace("^", "").replace("$", "");
        Matcher group = GROUP.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (group.find()) {
            String name = group.group(1);
            String value = name.equals("pk") && pattern.startsWith("cluster") ? fsid : values.get(name);
            group.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        group.appendTail(path);
        return path.toString().replace("\\", "");
    }

    /** Follows a request as Calamari's UI did: until it is no longer among the submitted ones, then reads it. */
    private static JsonNode awaitComplete(String requestId) {
        assertThat(requestId).as("a request id").isNotEmpty();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                !v2.get("cluster/" + fsid + "/request?state=submitted&page_size=100").json().findValuesAsText("id").contains(requestId));
        JsonNode request = JSON.createObjectNode();
        try {
            request = v2.get("request/" + requestId).json();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(request.path("state").asText()).as(request.toString()).isEqualTo("complete");
        assertThat(request.path("error").asBoolean()).as(request.toString()).isFalse();
        return request;
    }

    private static JsonNode cliPool(String name) throws Exception {
        for (JsonNode pool : JSON.readTree(platform.ceph("osd", "pool", "ls", "detail", "-f", "json"))) {
            if (pool.path("pool_name").asText().equals(name)) {
                return pool;
            }
        }
        throw new AssertionError("no pool " + name + " in ceph osd pool ls detail");
    }

    private static JsonNode cliOsd(int id) throws Exception {
        for (JsonNode osd : JSON.readTree(platform.ceph("osd", "dump", "-f", "json")).path("osds")) {
            if (osd.path("osd").asInt() == id) {
                return osd;
            }
        }
        throw new AssertionError("no osd." + id + " in ceph osd dump");
    }

    private static int bucketId(String name) throws Exception {
        for (JsonNode bucket : JSON.readTree(platform.ceph("osd", "crush", "dump", "-f", "json")).path("buckets")) {
            if (bucket.path("name").asText().equals(name)) {
                return bucket.path("id").asInt();
            }
        }
        throw new AssertionError("no bucket " + name + " in ceph osd crush dump");
    }

    private static List<Integer> childrenOf(String name) throws Exception {
        for (JsonNode bucket : JSON.readTree(platform.ceph("osd", "crush", "dump", "-f", "json")).path("buckets")) {
            if (bucket.path("name").asText().equals(name)) {
                List<Integer> children = new ArrayList<>();
                bucket.path("items").forEach(item -> children.add(item.path("id").asInt()));
                return children;
            }
        }
        throw new AssertionError("no bucket " + name + " in ceph osd crush dump");
    }
}
