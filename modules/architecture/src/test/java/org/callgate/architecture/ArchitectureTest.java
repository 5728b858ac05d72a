package org.callgate.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.callgate.architecture.Architecture.Module;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The main code of every module follows {@link Architecture}; each rule is one test, named by the rule. */
class ArchitectureTest {

    private static final JavaClasses MAIN = MainClasses.all();

    static Stream<Named<ArchRule>> rules() {
        return Architecture.rules().stream().map(rule -> Named.of(rule.getDescription(), rule));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void mainCodeFollowsTheRule(ArchRule rule) {
        rule.check(MAIN);
    }

    /** Without a module's classes its row would pass on nothing. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Module.class)
    void everyModuleOfTheTableWasImported(Module module) {
        assertThat(MAIN.stream().filter(javaClass -> module.admits(javaClass)))
                .as("main classes of %s (%s) built by this reactor; run with -am", module, module.packages)
                .isNotEmpty();
    }
}
