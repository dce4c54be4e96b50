package io.loligo.contracts.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.PackageMatchers;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.loligo.contracts.api.ApiException;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ext.Provider;

import java.util.List;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * HTTP stays at the edge: only a service's REST classes speak JAX-RS (or throw {@link ApiException}); everything
 * else refuses with the domain's {@code Refusal}s, which the edge answers once. Each service's tests check its own
 * classes with {@link #violations(String)}.
 */
public final class HttpAtTheEdge {

    /**
     * Packages that are the edge as a whole: each service's resources, the gateway's Calamari adapter (Calamari's
     * HTTP shapes are its subject), HTTP caching with ETags, and the shared JAX-RS contract.
     */
    private static final PackageMatchers EDGE_PACKAGES = PackageMatchers.of("..rest..", "..calamari..", "..kept..",
            "io.loligo.contracts.api..");

    private static final DescribedPredicate<JavaClass> SPEAKS_HTTP =
            resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy.reactive..").or(assignableTo(ApiException.class))
                    .as("JAX-RS or ApiException");

    private static final DescribedPredicate<JavaClass> AT_THE_EDGE = DescribedPredicate.describe("at the REST edge",
            HttpAtTheEdge::atTheEdge);

    private HttpAtTheEdge() {
    }

    private static final ArchRule RULE = noClasses().that(DescribedPredicate.not(AT_THE_EDGE)).should()
            .dependOnClassesThat(SPEAKS_HTTP)
            .because("domain code refuses with a Refusal, which each service's RefusalMapper answers as a problem");

    /** Every place in the main classes under {@code rootPackage} where code off the edge speaks HTTP. */
    public static List<String> violations(String rootPackage) {
        return violations(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage));
    }

    static List<String> violations(JavaClasses classes) {
        return RULE.evaluate(classes).getFailureReport().getDetails();
    }

    private static boolean atTheEdge(JavaClass type) {
        if (EDGE_PACKAGES.test(type.getPackageName())
                || type.isAnnotatedWith(Path.class) || type.isAnnotatedWith(Provider.class)
                || type.isAnnotatedWith(NameBinding.class)
                || type.getAllRawInterfaces().stream().anyMatch(HttpAtTheEdge::jaxRsInterface)
                // Quarkus's annotated filters and mappers (@ServerRequestFilter, @ServerExceptionMapper)
                || type.getMethods().stream().anyMatch(method -> method.getAnnotations().stream()
                        .anyMatch(annotation -> annotation.getRawType().getPackageName().startsWith("org.jboss.resteasy.reactive")))) {
            return true;
        }
        return type.getEnclosingClass().map(HttpAtTheEdge::atTheEdge).orElse(false);
    }

    /** A JAX-RS or REST client interface (filters, mappers), or a contract's resource interface. */
    private static boolean jaxRsInterface(JavaClass type) {
        return type.getPackageName().startsWith("jakarta.ws.rs")
                || type.getPackageName().startsWith("org.eclipse.microprofile.rest.client")
                || type.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(Path.class)
                        || method.isMetaAnnotatedWith(HttpMethod.class));
    }
}
