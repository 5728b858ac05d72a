/**
 * Users and roles (R11: access to personal data only for those who need it).
 *
 * <p>{@link org.callgate.users.Role} says what each role may do, by {@link
 * org.callgate.core.access.Capability}; {@link org.callgate.users.UserStore} keeps the users in one JSON
 * file, owner-only and replaced atomically, with Argon2id password hashes ({@link
 * org.callgate.users.PasswordHasher}) under a {@link org.callgate.users.PasswordPolicy}; {@link
 * org.callgate.users.LoginThrottle} refuses logins after repeated failures. The command line manages
 * the file; the web server authenticates against it. See {@code docs/security.md}.
 */
package org.callgate.users;
