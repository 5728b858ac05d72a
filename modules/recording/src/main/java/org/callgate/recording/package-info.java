/**
 * From a recorded call to the store (DESIGN §1 steps 6-7): the {@link
 * org.callgate.recording.RecordingSpool} keeps each recording's audio and facts on local disk
 * until the {@link org.callgate.recording.RecordingUploader} has stored both in the {@link
 * org.callgate.store.RecordingStore} with their retention, and verified them. Only then is the
 * spool entry deleted; a crash at any point leaves an entry that the next start finishes, so
 * nothing is lost and, because each object's key is fixed by the call and checked before it is
 * written, nothing is stored twice.
 */
package org.callgate.recording;
