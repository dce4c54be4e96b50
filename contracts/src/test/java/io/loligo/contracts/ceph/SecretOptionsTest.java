package io.loligo.contracts.ceph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Option names from a real Pacific mon's {@code config show}. */
class SecretOptionsTest {
    @Test
    void everySecretOptionIsWithheldAndTuningNumbersStayReadable() throws Exception {
        JsonNode options = new ObjectMapper().readTree("""
                {"key": "AQBxyz==", "rgw_keystone_admin_password": "s3cr3t", "rgw_keystone_admin_token": "t0k",
                 "rgw_crypt_default_encryption_key": "4YSmvJtBv0aZ7geVgAsdpRnLBEwWSWlMIGnRS8a9TSA=",
                 "rgw_crypt_kmip_addr": "kmip.example.com", "rgw_ldap_secret": "/etc/ldap.secret",
                 "rgw_sts_client_secret": "abc", "rgw_opa_token": "x", "Some_API_Key": "k",
                 "rocksdb_bloom_bits_per_key": "20", "rgw_swift_token_expiration": "86400",
                 "rgw_crypt_require_ssl": "true", "rgw_keystone_admin_user": "", "osd_max_backfills": "1",
                 "mon_host": "[v2:127.0.0.1:40000]"}""");

        JsonNode redacted = SecretOptions.redacted(options);

        for (String secret : new String[]{"key", "rgw_keystone_admin_password", "rgw_keystone_admin_token",
                "rgw_crypt_default_encryption_key", "rgw_crypt_kmip_addr", "rgw_ldap_secret", "rgw_sts_client_secret",
                "rgw_opa_token", "Some_API_Key"}) {
            assertThat(redacted.path(secret).asText()).as(secret).isEqualTo(SecretOptions.REDACTED);
        }
        for (String shown : new String[]{"rocksdb_bloom_bits_per_key", "rgw_swift_token_expiration", "rgw_crypt_require_ssl",
                "rgw_keystone_admin_user", "osd_max_backfills", "mon_host"}) {
            assertThat(redacted.path(shown)).as(shown).isEqualTo(options.path(shown));
        }
        assertThat(options.path("key").asText()).as("the original is left alone").isEqualTo("AQBxyz==");
    }
}
