package org.callgate.core.ivr;

/**
 * What happened in the IVR beyond the route, kept with the call (R1 call trace, R9, R10).
 *
 * @param smsOffered the SMS link was offered (mobile caller, line with an offer)
 * @param smsTaken the caller asked for the SMS
 * @param surveyConsent the caller's answer to the survey consent question, null when not asked
 *     or not answered
 */
public record IvrTrace(boolean smsOffered, boolean smsTaken, Boolean surveyConsent) {}
