package org.callgate.app.config;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;

/**
 * Key paths in the terms of the YAML file: {@code sip.port}, {@code service-lines[2].number}
 * (list indexes from 0), {@code ""} for the document itself.
 *
 * <p>Jackson names positions after Java classes ({@code CallgateConfig["sip"]}); an operator
 * knows only the keys in the file, so every message uses this form instead.
 */
final class KeyPaths {

    private KeyPaths() {}

    /** The path of the value a YAML parser is positioned in. */
    static String of(JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return "";
        }
        String parent = of(context.getParent());
        if (context.inArray()) {
            return context.getCurrentIndex() < 0 ? parent : index(parent, context.getCurrentIndex());
        }
        return context.getCurrentName() == null ? parent : child(parent, context.getCurrentName());
    }

    /** The path of a binding error, from {@link JsonMappingException#getPath()}. */
    static String of(List<JsonMappingException.Reference> references) {
        String path = "";
        for (JsonMappingException.Reference reference : references) {
            path = reference.getFieldName() != null
                    ? child(path, reference.getFieldName())
                    : index(path, reference.getIndex());
        }
        return path;
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String index(String path, int index) {
        return path + "[" + index + "]";
    }

    /** The enclosing path, {@code ""} for a top-level key. */
    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }

    /** The path as shown in a message. */
    static String display(String path) {
        return path.isEmpty() ? "(top level)" : path;
    }
}
