package io.loligo.systest.deploy;

import io.loligo.contracts.api.OsdView;
import io.loligo.contracts.api.Page;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NativeReflectionCheckTest {
    /** A service class that sends OSD views in a page, as cluster-service does. */
    static final class SendsOsdPages {
        Page<OsdView> page;
    }

    static final class LoadsByName {
        Object load(String name) throws ClassNotFoundException {
            return Class.forName(name);
        }
    }

    @Test
    void aDtoTheServiceUsesButDidNotRegisterIsNamedAndOnceRegisteredPasses() {
        Map<String, NativeReflectionCheck.ClassFile> service = classes(SendsOsdPages.class);
        Map<String, NativeReflectionCheck.ClassFile> contracts = classes(OsdView.class, Page.class);

        List<String> unregistered = NativeReflectionCheck.problems(service, contracts, Set.of("io.loligo.contracts.api.Page"));
        List<String> registered = NativeReflectionCheck.problems(service, contracts,
                Set.of("io.loligo.contracts.api.Page", "io.loligo.contracts.api.OsdView"));

        assertThat(unregistered).singleElement().asString().startsWith("io.loligo.contracts.api.OsdView is a message or DTO type");
        assertThat(registered).isEmpty();
    }

    @Test
    void loadingAClassByNameIsRefused() {
        assertThat(NativeReflectionCheck.problems(classes(LoadsByName.class), Map.of(), Set.of()))
                .singleElement().asString().contains("calls java.lang.Class.forName, which loads a class by name");
    }

    @Test
    void onlyRecordsWithJsonPropertiesCountAsMessagesOrDtos() {
        assertThat(classes(OsdView.class).values()).singleElement().extracting(NativeReflectionCheck.ClassFile::dto).isEqualTo(true);
        assertThat(classes(SendsOsdPages.class).values()).singleElement().extracting(NativeReflectionCheck.ClassFile::dto).isEqualTo(false);
    }

    private static Map<String, NativeReflectionCheck.ClassFile> classes(Class<?>... types) {
        Map<String, NativeReflectionCheck.ClassFile> parsed = new HashMap<>();
        for (Class<?> type : types) {
            try (InputStream in = type.getResourceAsStream(type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class")) {
                NativeReflectionCheck.ClassFile file = NativeReflectionCheck.parse(in);
                parsed.put(file.name(), file);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return parsed;
    }
}
