package org.callgate.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.regex.Pattern;

/**
 * The main classes of callgate's modules, as this build compiled them: each module's
 * {@code target/classes} or the jar the reactor just packaged in its {@code target}. Test classes,
 * test-jars and snapshot jars from the local repository (possibly another branch's) are left out, so
 * run this module with {@code -am}, as {@code ./mvnw verify} from the root does.
 */
final class MainClasses {

    private static final Pattern REACTOR_JAR = Pattern.compile(".*/target/callgate-[^/]*(?<!-tests)\\.jar!/.*");

    /** Only classes this build compiled from main sources. */
    static final ImportOption BUILT_HERE =
            location -> location.contains("/target/classes/") || location.matches(REACTOR_JAR);

    private static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(BUILT_HERE)
            .importPackages("org.callgate");

    private MainClasses() {}

    static JavaClasses all() {
        return ALL;
    }
}
