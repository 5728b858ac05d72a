package org.callgate.app.config;

import java.util.ArrayList;
import java.util.List;

/** Collects every {@link Problem} of one validation run, so an operator can fix all at once. */
final class Problems {

    private final List<Problem> found = new ArrayList<>();

    /** Records a problem unless {@code ok}; returns {@code ok} so checks can be chained. */
    boolean require(boolean ok, String path, Object value, String reason) {
        if (!ok) {
            found.add(Problem.of(path, value, reason));
        }
        return ok;
    }

    /** Records {@code problem}. */
    void add(Problem problem) {
        found.add(problem);
    }

    /** Records a problem when a required key has no value; returns whether it has one. */
    boolean present(String path, Object value) {
        return require(value != null, path, value, "required key");
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    List<Problem> list() {
        return List.copyOf(found);
    }
}
