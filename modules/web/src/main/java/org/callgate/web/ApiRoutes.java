package org.callgate.web;

import com.linecorp.armeria.server.ServerBuilder;

/**
 * A group of API routes that plugs into the server: users and sessions, dossiers, recordings.
 * Each group binds its services under {@link WebServer#API_PREFIX} and lists them in the OpenAPI
 * document ({@code openapi.json}); a test checks that the two agree.
 */
@FunctionalInterface
public interface ApiRoutes {

    /**
     * Binds this group's services.
     *
     * @param server the server being built
     * @param prefix {@value WebServer#API_PREFIX}, the prefix of every API path
     */
    void addTo(ServerBuilder server, String prefix);
}
