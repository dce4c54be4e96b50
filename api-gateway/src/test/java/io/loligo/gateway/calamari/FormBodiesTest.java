package io.loligo.gateway.calamari;

import io.loligo.contracts.refusal.Refusal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormBodiesTest {

    @Test
    void aUrlEncodedFormIsItsFieldsLastValueFirst() {
        assertThat(FormBodies.urlEncoded("name=a+b%2Fc&pg_num=8&name=d&flag").toString())
                .isEqualTo("{\"name\":\"d\",\"pg_num\":\"8\",\"flag\":\"\"}");
        assertThatThrownBy(() -> FormBodies.urlEncoded("name=%zz")).isInstanceOf(Refusal.class);
    }

    @Test
    void aMultipartFormIsItsTextParts() {
        String body = "--b1\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\nadmin\r\n"
                + "--b1\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\nline one\r\nline two\r\n--b1--\r\n";
        assertThat(FormBodies.multipart(body, "b1").toString()).isEqualTo("{\"username\":\"admin\",\"password\":\"line one\\r\\nline two\"}");
        assertThatThrownBy(() -> FormBodies.multipart(body, null)).isInstanceOf(Refusal.class);
    }
}
