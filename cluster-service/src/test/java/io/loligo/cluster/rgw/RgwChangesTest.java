package io.loligo.cluster.rgw;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loligo.cluster.rgw.AdminOps.Call;
import io.loligo.contracts.api.Problem;
import io.loligo.contracts.api.RefusalMapper;
import io.loligo.contracts.api.RgwViews;
import io.loligo.contracts.refusal.Refusal;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** On users and buckets as Ceph 16.2.15's RGW described them (radosgw-admin, whose JSON the Admin Ops API shares). */
class RgwChangesTest {
    private static final RgwChanges.Gateway GATEWAY = new RgwChanges.Gateway(List.of("bob", "carol", "loligo-admin"), "LOLIGOKEY");

    @Test
    void aUserIsReadWithItsKeysWithoutSecretsItsSubusersAsTheApiTakesThemAndItsBucketsUsage() throws IOException {
        RgwViews.RgwBucket photos = RgwJson.bucket(recorded("bucket-stats.json"));
        RgwViews.RgwUser bob = RgwJson.user(recorded("user-info.json"), List.of(photos, photos));

        assertThat(bob.userId()).isEqualTo("bob");
        assertThat(bob.keys()).extracting(RgwViews.RgwKey::accessKey).containsExactly("5TZSSK1C3PH72XXJDH5U", "ES1FXOQTDVT95B62S924");
        assertThat(bob.keys()).extracting(RgwViews.RgwKey::secretKey).containsOnlyNulls();
        assertThat(bob.subusers()).containsExactly(new RgwViews.RgwSubuser("bob:swift", "readwrite"));
        assertThat(bob.bucketQuota()).as("-1 is no limit").isEqualTo(new RgwViews.RgwQuota(false, null, null));
        assertThat(bob.bucketCount()).isEqualTo(2);
        assertThat(bob.objects()).isEqualTo(6);
        assertThat(bob.sizeBytes()).isEqualTo(1_800_000);
    }

    @Test
    void aBucketIsReadWithItsOwnerUsageAndQuota() throws IOException {
        RgwViews.RgwBucket photos = RgwJson.bucket(recorded("bucket-stats.json"));

        assertThat(photos).isEqualTo(new RgwViews.RgwBucket("photos", "5f686cfd-8f37-421f-96cb-5bf70564154e.4166.1", "carol",
                "2026-12-06T23:11:47.614282Z", 11, 3, 900_000, 909_312, new RgwViews.RgwQuota(true, 0L, 25L)));
        assertThat(RgwJson.bucket(new ObjectMapper().createObjectNode().put("bucket", "empty")).objects())
                .as("an empty bucket has no usage entry").isZero();
    }

    @Test
    void everyBadFieldOfANewUserIsNamedAndATakenIdIsAConflictOnItsField() {
        Refusal invalid = catchThrowableOfType(Refusal.class, () ->
                RgwChanges.createUser(GATEWAY, new RgwViews.RgwUserForm("a/b", " ", "not-an-address", -2, null)));
        assertThat(RefusalMapper.problem(invalid).status()).isEqualTo(400);
        assertThat(invalid.errors()).extracting(Problem.FieldError::field)
                .containsExactly("user_id", "display_name", "email", "max_buckets");

        Refusal taken = catchThrowableOfType(Refusal.class, () ->
                RgwChanges.createUser(GATEWAY, new RgwViews.RgwUserForm("bob", "Bob", null, null, null)));
        assertThat(RefusalMapper.problem(taken).status()).isEqualTo(409);
        assertThat(taken.errors()).extracting(Problem.FieldError::field).containsExactly("user_id");
    }

    @Test
    void aNewUserIsOnePutWithWhatWasGiven() {
        Call call = RgwChanges.createUser(GATEWAY, new RgwViews.RgwUserForm("dave", " Dave ", "dave@example.com", 5, null));

        assertThat(call.method()).isEqualTo(SdkHttpMethod.PUT);
        assertThat(call.query()).isEqualTo(Map.of("uid", "dave", "display-name", "Dave", "email", "dave@example.com",
                "max-buckets", "5"));
    }

    @Test
    void anUpdateSendsOnlyWhatChangesAndNothingWhenNothingDoes() throws IOException {
        RgwViews.RgwUser bob = RgwJson.user(recorded("user-info.json"), List.of());

        assertThat(RgwChanges.updateUser(GATEWAY, bob, new RgwViews.RgwUserForm(null, "Bob", "bob@example.com", 5, false))).isEmpty();
        assertThat(RgwChanges.updateUser(GATEWAY, bob, new RgwViews.RgwUserForm(null, null, null, null, true)).get(0).query())
                .containsEntry("suspended", "1").doesNotContainKeys("display-name", "email", "max-buckets");
        Refusal renamed = catchThrowableOfType(Refusal.class, () ->
                RgwChanges.updateUser(GATEWAY, bob, new RgwViews.RgwUserForm("robert", null, null, null, null)));
        assertThat(renamed.errors()).extracting(Problem.FieldError::field).containsExactly("user_id");
    }

    @Test
    void loligosOwnUserAndKeyAreNotTakenFromIt() {
        RgwViews.RgwUser own = user("loligo-admin", 0, new RgwViews.RgwKey("loligo-admin", "LOLIGOKEY", null));

        assertThat(catchThrowableOfType(Refusal.class, () -> RgwChanges.deleteUser(GATEWAY, own, true)).reason())
                .isEqualTo("LoligoOwnUser");
        assertThat(catchThrowableOfType(Refusal.class, () ->
                RgwChanges.updateUser(GATEWAY, own, new RgwViews.RgwUserForm(null, null, null, null, true))).reason())
                .isEqualTo("LoligoOwnUser");
        assertThat(catchThrowableOfType(Refusal.class, () -> RgwChanges.deleteKey(GATEWAY, own, "LOLIGOKEY")).reason())
                .isEqualTo("LoligoOwnKey");
    }

    @Test
    void aUserWithBucketsAndABucketWithObjectsGoOnlyWithTheirData() {
        RgwViews.RgwUser owner = user("carol", 2);
        assertThat(RefusalMapper.problem(catchThrowableOfType(Refusal.class, () -> RgwChanges.deleteUser(GATEWAY, owner, false))).status())
                .isEqualTo(409);
        assertThat(RgwChanges.deleteUser(GATEWAY, owner, true).query()).containsEntry("purge-data", "true");

        RgwViews.RgwBucket full = bucket(3);
        assertThat(catchThrowableOfType(Refusal.class, () -> RgwChanges.deleteBucket(full, false)).reason())
                .isEqualTo("BucketNotEmpty");
        assertThat(RgwChanges.deleteBucket(full, true).query()).containsEntry("purge-objects", "true");
        assertThat(RgwChanges.deleteBucket(bucket(0), false).query()).containsEntry("purge-objects", "false");
    }

    @Test
    void quotasGoInTheUnitsEachCallTakesWithMinusOneForNoLimit() {
        Call userQuota = RgwChanges.userQuota(user("bob", 0), "user", new RgwViews.RgwQuota(null, 5000L, null));
        assertThat(userQuota.query()).containsEntry("quota-type", "user").containsEntry("enabled", "true")
                .containsEntry("max-size", "5000").containsEntry("max-objects", "-1");

        Call bucketQuota = RgwChanges.bucketQuota(bucket(0), new RgwViews.RgwQuota(true, 5000L, 25L));
        assertThat(bucketQuota.query()).as("KiB, rounded up").containsEntry("max-size-kb", "5").containsEntry("max-objects", "25")
                .containsEntry("uid", "carol");

        Refusal invalid = catchThrowableOfType(Refusal.class, () ->
                RgwChanges.userQuota(user("bob", 0), "everything", new RgwViews.RgwQuota(true, -5L, -1L)));
        assertThat(invalid.errors()).extracting(Problem.FieldError::field).containsExactly("scope", "max_size", "max_objects");
    }

    @Test
    void aBucketGoesOnlyToAUserThatExists() {
        Refusal unknown = catchThrowableOfType(Refusal.class, () ->
                RgwChanges.changeOwner(GATEWAY, bucket(0), new RgwViews.RgwBucketForm("nobody")));
        assertThat(unknown.errors()).extracting(Problem.FieldError::field).containsExactly("owner");
        assertThat(RgwChanges.changeOwner(GATEWAY, bucket(0), new RgwViews.RgwBucketForm("carol"))).as("already hers").isEmpty();
        assertThat(RgwChanges.changeOwner(GATEWAY, bucket(0), new RgwViews.RgwBucketForm("bob")).get(0).query())
                .containsEntry("uid", "bob").containsEntry("bucket-id", "photos-id");
    }

    @Test
    void subusersAreCheckedAgainstTheUsersOwn() {
        RgwViews.RgwUser bob = user("bob", 0);
        Refusal invalid = catchThrowableOfType(Refusal.class, () ->
                RgwChanges.createSubuser(bob, new RgwViews.RgwSubuserForm("x:y", "admin")));
        assertThat(invalid.errors()).extracting(Problem.FieldError::field).containsExactly("name", "permissions");
        assertThat(RgwChanges.createSubuser(bob, new RgwViews.RgwSubuserForm("swift", "full")).query())
                .containsEntry("subuser", "bob:swift").containsEntry("access", "full");
        assertThat(RefusalMapper.problem(catchThrowableOfType(Refusal.class, () -> RgwChanges.deleteSubuser(bob, "swift"))).status())
                .isEqualTo(404);
    }

    private static RgwViews.RgwUser user(String id, int buckets, RgwViews.RgwKey... keys) {
        return new RgwViews.RgwUser(id, id, null, false, 1000, buckets, 0, 0, List.of(keys), List.of(),
                new RgwViews.RgwQuota(false, null, null), new RgwViews.RgwQuota(false, null, null));
    }

    private static RgwViews.RgwBucket bucket(long objects) {
        return new RgwViews.RgwBucket("photos", "photos-id", "carol", "2026-12-06T23:11:47Z", 11, objects, objects * 100, objects * 4096,
                new RgwViews.RgwQuota(false, null, null));
    }

    private static JsonNode recorded(String name) throws IOException {
        try (InputStream json = RgwChangesTest.class.getResourceAsStream("/rgw/" + name)) {
            return new ObjectMapper().readTree(json);
        }
    }
}
