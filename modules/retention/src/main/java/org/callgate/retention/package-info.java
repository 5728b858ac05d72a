/**
 * Retention on time (REQUIREMENTS "what follows" 3): the purge destroys what the retention profile
 * no longer keeps (R1, R2, R3, R7, R8, R10, R14, R16), together and on time, never what a legal hold
 * covers (R19) or what the store still locks, and leaves a record of what it did without the
 * personal data (R11).
 */
package org.callgate.retention;
