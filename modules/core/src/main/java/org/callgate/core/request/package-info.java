/**
 * Data-subject requests (R12, R20, R22): what a caller asked for ({@link
 * org.callgate.core.request.RequestType}), who they are ({@link
 * org.callgate.core.request.DataSubject}), how their identity was checked, and the deadlines that
 * run from the day the request came in ({@link org.callgate.core.request.Deadlines}). {@link
 * org.callgate.core.request.RightsRequest} is one request with its steps; the register that stores
 * them lives in {@code records}.
 */
package org.callgate.core.request;
