package org.callgate.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static java.util.Map.entry;
import static org.callgate.architecture.Architecture.Library.ARMERIA;
import static org.callgate.architecture.Architecture.Library.AWS_SDK;
import static org.callgate.architecture.Architecture.Library.JACKSON;
import static org.callgate.architecture.Architecture.Library.JAIN_SIP;
import static org.callgate.architecture.Architecture.Library.LUCENE;
import static org.callgate.architecture.Architecture.Library.MICROMETER;
import static org.callgate.architecture.Architecture.Library.NETTY;
import static org.callgate.architecture.Architecture.Library.OPENSEARCH_CLIENT;
import static org.callgate.architecture.Architecture.Library.SLF4J;
import static org.callgate.architecture.Architecture.Library.SPRING_CRYPTO;
import static org.callgate.architecture.Architecture.Module.APP;
import static org.callgate.architecture.Architecture.Module.AUDIT;
import static org.callgate.architecture.Architecture.Module.CORE;
import static org.callgate.architecture.Architecture.Module.INDEX;
import static org.callgate.architecture.Architecture.Module.INDEX_OPENSEARCH;
import static org.callgate.architecture.Architecture.Module.MEDIA;
import static org.callgate.architecture.Architecture.Module.RECORDING;
import static org.callgate.architecture.Architecture.Module.RECORDS;
import static org.callgate.architecture.Architecture.Module.RETENTION;
import static org.callgate.architecture.Architecture.Module.SIP;
import static org.callgate.architecture.Architecture.Module.SMS;
import static org.callgate.architecture.Architecture.Module.STORE_API;
import static org.callgate.architecture.Architecture.Module.STORE_FILE;
import static org.callgate.architecture.Architecture.Module.STORE_S3;
import static org.callgate.architecture.Architecture.Module.USERS;
import static org.callgate.architecture.Architecture.Module.WEB;
import static org.callgate.architecture.Architecture.Wildcard.ANY_LIBRARY;
import static org.callgate.architecture.Architecture.Wildcard.EVERY_MODULE;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The architecture of docs/architecture.md as rules over the main classes: which module may use
 * which other modules and libraries ({@link #MAY_USE}), no cycles between modules, and no files in
 * the media relay.
 *
 * <p>Every module may also use the JDK and its own classes. A module missing from a row may not be
 * used, so nothing but {@code app} uses {@code app}, and no product module uses the test support
 * ({@code org.callgate.bench}), which has no row.
 */
final class Architecture {

    /** What a module may use besides the JDK and itself: arrows point toward {@code core}. */
    static final Map<Module, List<Allowed>> MAY_USE = inTableOrder(
            entry(CORE, List.of()),
            entry(STORE_API, List.of()),
            entry(STORE_FILE, List.of(STORE_API, JACKSON, SLF4J)),
            entry(STORE_S3, List.of(STORE_API, AWS_SDK, SLF4J)),
            entry(MEDIA, List.of(CORE, NETTY, SLF4J)),
            entry(RECORDING, List.of(CORE, STORE_API, JACKSON, SLF4J)),
            entry(INDEX, List.of(CORE, LUCENE, SLF4J)),
            entry(INDEX_OPENSEARCH, List.of(CORE, INDEX, OPENSEARCH_CLIENT, JACKSON, SLF4J)),
            entry(RECORDS, List.of(CORE, STORE_API, JACKSON, SLF4J)),
            entry(RETENTION, List.of(CORE, STORE_API, RECORDS, SMS, JACKSON, SLF4J)),
            entry(AUDIT, List.of(STORE_API, JACKSON, SLF4J)),
            entry(SMS, List.of(CORE, JACKSON, SLF4J)),
            entry(SIP, List.of(CORE, JAIN_SIP, SLF4J)),
            entry(WEB, List.of(CORE, ARMERIA, JACKSON, MICROMETER, SLF4J)),
            entry(USERS, List.of(CORE, JACKSON, SPRING_CRYPTO, SLF4J)),
            entry(APP, List.of(EVERY_MODULE, ANY_LIBRARY)));

    /** Packages of main code that is not product: it may use the product, never the reverse. */
    static final List<String> TEST_SUPPORT = List.of("org.callgate.bench..");

    /** The one class of media that may touch the file system: prompts are WAV files. */
    static final String PROMPT_READER = "org.callgate.media.WavClips";

    /** All that {@link #PROMPT_READER} may use of the file system: it reads a whole file. */
    static final Set<Class<?>> PROMPT_READER_FILE_API = Set.of(Files.class, Path.class);

    private static final Set<String> JDK_PACKAGES = ModuleLayer.boot().modules().stream()
            .flatMap(module -> module.getPackages().stream())
            .collect(Collectors.toUnmodifiableSet());

    private Architecture() {}

    /** Something a module may use: another module, a library, or for the wiring any of them. */
    sealed interface Allowed permits Module, Library, Wildcard {
        boolean admits(JavaClass target);
    }

    /** A product module and the packages of its main classes. */
    enum Module implements Allowed {
        CORE("core", "org.callgate.core.."),
        STORE_API("store-api", "org.callgate.store"),
        STORE_FILE("store-file", "org.callgate.store.file.."),
        STORE_S3("store-s3", "org.callgate.store.s3.."),
        MEDIA("media", "org.callgate.media.."),
        RECORDING("recording", "org.callgate.recording.."),
        // before INDEX, whose packages hold it: a class belongs to the first module that admits it
        INDEX_OPENSEARCH("index-opensearch", "org.callgate.index.opensearch.."),
        INDEX("index", "org.callgate.index.."),
        RECORDS("records", "org.callgate.records.."),
        RETENTION("retention", "org.callgate.retention.."),
        AUDIT("audit", "org.callgate.audit.."),
        SMS("sms", "org.callgate.sms.."),
        SIP("sip", "org.callgate.sip.."),
        WEB("web", "org.callgate.web.."),
        USERS("users", "org.callgate.users.."),
        APP("app", "org.callgate.app..");

        final String label;
        final String packages;
        private final PackageMatcher matcher;

        Module(String label, String packages) {
            this.label = label;
            this.packages = packages;
            this.matcher = PackageMatcher.of(packages);
        }

        @Override
        public boolean admits(JavaClass target) {
            return matcher.matches(target.getPackageName());
        }

        static Optional<Module> of(JavaClass javaClass) {
            return Arrays.stream(values())
                    .filter(module -> module.admits(javaClass))
                    .findFirst();
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** A third-party library, by the packages its jars hold. */
    enum Library implements Allowed {
        JACKSON("Jackson", "com.fasterxml.jackson.."),
        SLF4J("SLF4J", "org.slf4j.."),
        NETTY("Netty", "io.netty.."),
        LUCENE("Lucene", "org.apache.lucene.."),
        OPENSEARCH_CLIENT("opensearch-java", "org.opensearch.client..", "org.apache.hc.."),
        AWS_SDK("AWS SDK", "software.amazon.awssdk.."),
        JAIN_SIP("JAIN-SIP", "javax.sip..", "gov.nist.."),
        ARMERIA("Armeria", "com.linecorp.armeria.."),
        MICROMETER("Micrometer", "io.micrometer.."),
        SPRING_CRYPTO("spring-security-crypto", "org.springframework.security.crypto..");

        final String label;
        private final List<PackageMatcher> matchers;

        Library(String label, String... packages) {
            this.label = label;
            this.matchers = Stream.of(packages).map(PackageMatcher::of).toList();
        }

        @Override
        public boolean admits(JavaClass target) {
            return matchers.stream().anyMatch(matcher -> matcher.matches(target.getPackageName()));
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Only the wiring ({@code app}) may use every module and pick libraries freely. */
    enum Wildcard implements Allowed {
        /** Every module of the table, not test support. */
        EVERY_MODULE("every product module") {
            @Override
            public boolean admits(JavaClass target) {
                return Module.of(target).isPresent();
            }
        },
        /** Any package outside callgate's own. */
        ANY_LIBRARY("any library") {
            @Override
            public boolean admits(JavaClass target) {
                return !CALLGATE.matches(target.getPackageName());
            }
        };

        private static final PackageMatcher CALLGATE = PackageMatcher.of("org.callgate..");

        final String label;

        Wildcard(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Every rule, in the order a reader checks them: the table, then cycles, files, stray packages. */
    static List<ArchRule> rules() {
        Stream<ArchRule> table = MAY_USE.keySet().stream().map(Architecture::mayUseOnlyItsRow);
        return Stream.concat(table, Stream.of(noCyclesBetweenModules(), mediaTouchesNoFiles(), everyClassIsInAModule()))
                .toList();
    }

    /** One row of {@link #MAY_USE}: the module's main classes use nothing else. */
    static ArchRule mayUseOnlyItsRow(Module module) {
        List<Allowed> row = MAY_USE.get(module);
        DescribedPredicate<JavaClass> elsewhere = DescribedPredicate.describe(
                "are outside " + module + ", its row and the JDK", target -> !allowed(module, row, target));
        String uses = row.isEmpty() ? "only the JDK" : "only " + join(row) + " and the JDK";
        DescribedPredicate<JavaClass> inModule = DescribedPredicate.describe(
                "belong to " + module, javaClass -> Module.of(javaClass).equals(Optional.of(module)));
        return noClasses()
                .that(inModule)
                .should()
                .dependOnClassesThat(elsewhere)
                .as("table row '" + module + "': " + module + " (" + module.packages + ") may use " + uses);
    }

    static ArchRule noCyclesBetweenModules() {
        return slices().assignedFrom(BY_MODULE).should().beFreeOfCycles().as("no cycles between callgate modules");
    }

    /**
     * Media relays packets and hands audio on; it keeps no files (a spool belongs to recording). The
     * one exception is narrow: {@value #PROMPT_READER} reads a prompt's WAV file with {@link Files} and
     * {@link Path}, and nothing else of the file system.
     */
    static ArchRule mediaTouchesNoFiles() {
        DescribedPredicate<JavaClass> fileApi = DescribedPredicate.describe(
                "are file system API (java.nio.file.., FileChannel)",
                target -> PackageMatcher.of("java.nio.file..").matches(target.getPackageName())
                        || target.isEquivalentTo(FileChannel.class));
        DescribedPredicate<JavaClass> promptReaderApi = DescribedPredicate.describe(
                "are Files or Path", target -> PROMPT_READER_FILE_API.stream().anyMatch(target::isEquivalentTo));
        ArchRule relay = noClasses()
                .that()
                .resideInAPackage(MEDIA.packages)
                .and()
                .doNotHaveFullyQualifiedName(PROMPT_READER)
                .should()
                .dependOnClassesThat(fileApi);
        ArchRule promptReader = noClasses()
                .that()
                .haveFullyQualifiedName(PROMPT_READER)
                .should()
                .dependOnClassesThat(fileApi.and(DescribedPredicate.not(promptReaderApi)))
                .allowEmptyShould(true);
        return CompositeArchRule.of(relay)
                .and(promptReader)
                .as("media touches no files; only " + PROMPT_READER + " reads prompts, with Files and Path");
    }

    /** A package outside the table would escape every rule above. */
    static ArchRule everyClassIsInAModule() {
        String[] known = Stream.concat(
                        Arrays.stream(Module.values()).map(module -> module.packages), TEST_SUPPORT.stream())
                .toArray(String[]::new);
        return classes()
                .should()
                .resideInAnyPackage(known)
                .as("every main class lives in a package of the table (or in test support)");
    }

    private static boolean allowed(Module module, List<Allowed> row, JavaClass target) {
        JavaClass base = target.getBaseComponentType();
        return base.isPrimitive()
                || JDK_PACKAGES.contains(base.getPackageName())
                || Module.of(base).equals(Optional.of(module))
                || row.stream().anyMatch(allowed -> allowed.admits(base));
    }

    private static final SliceAssignment BY_MODULE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            return Module.of(javaClass)
                    .map(module -> SliceIdentifier.of(module.label))
                    .orElse(SliceIdentifier.ignore());
        }

        @Override
        public String getDescription() {
            return "modules of the table";
        }
    };

    private static String join(List<Allowed> row) {
        return row.stream().map(Object::toString).collect(Collectors.joining(", "));
    }

    @SafeVarargs
    private static Map<Module, List<Allowed>> inTableOrder(Map.Entry<Module, List<Allowed>>... rows) {
        Map<Module, List<Allowed>> table = new LinkedHashMap<>();
        for (Map.Entry<Module, List<Allowed>> row : rows) {
            table.put(row.getKey(), row.getValue());
        }
        return Collections.unmodifiableMap(table);
    }
}
