import Foundation
import Runtime

/// Settings of login, sessions and one-time tokens, read with the rest of `APIConfiguration`.
/// The README's configuration table lists the same names.
public struct IdentityConfiguration: Sendable {
    /// PBKDF2 iterations for new password hashes (`KINERJA_PASSWORD_PBKDF2_ITERATIONS`, default
    /// 600,000 as OWASP recommends; tests lower it). Raising it rehashes at the next login.
    public var passwordIterations: Int
    /// Lifetime of a session token (`KINERJA_SESSION_TTL_SECONDS`, default 8 hours: a working day).
    public var sessionTTLSeconds: Int
    /// Lifetime of an invitation token (`KINERJA_INVITATION_TTL_SECONDS`, default 7 days).
    public var invitationTTLSeconds: Int
    /// Lifetime of a password-reset token (`KINERJA_PASSWORD_RESET_TTL_SECONDS`, default 1 hour).
    public var passwordResetTTLSeconds: Int
    /// Failed logins per account in the window before 429 (`KINERJA_LOGIN_MAX_FAILURES_PER_ACCOUNT`, default 5).
    public var maxFailuresPerAccount: Int
    /// Failed logins per client address in the window before 429 (`KINERJA_LOGIN_MAX_FAILURES_PER_ADDRESS`, default 20).
    public var maxFailuresPerAddress: Int
    /// The throttling window (`KINERJA_LOGIN_THROTTLE_WINDOW_SECONDS`, default 900: 15 minutes).
    public var throttleWindowSeconds: Int
    /// Reverse proxies whose `X-Forwarded-For` names the client for throttling
    /// (`KINERJA_TRUSTED_PROXIES`, comma-separated addresses; default none).
    public var trustedProxies: Set<String>

    /// The production defaults.
    public init(passwordIterations: Int = 600_000, sessionTTLSeconds: Int = 8 * 3600, invitationTTLSeconds: Int = 7 * 86400,
                passwordResetTTLSeconds: Int = 3600, maxFailuresPerAccount: Int = 5, maxFailuresPerAddress: Int = 20,
                throttleWindowSeconds: Int = 900, trustedProxies: Set<String> = []) {
        self.passwordIterations = passwordIterations
        self.sessionTTLSeconds = sessionTTLSeconds
        self.invitationTTLSeconds = invitationTTLSeconds
        self.passwordResetTTLSeconds = passwordResetTTLSeconds
        self.maxFailuresPerAccount = maxFailuresPerAccount
        self.maxFailuresPerAddress = maxFailuresPerAddress
        self.throttleWindowSeconds = throttleWindowSeconds
        self.trustedProxies = trustedProxies
    }

    /// Reads the settings, adding any malformed value to `env`'s problems.
    public static func read(_ env: inout EnvironmentReader) -> IdentityConfiguration {
        let defaults = IdentityConfiguration()
        return IdentityConfiguration(
            passwordIterations: env.int("KINERJA_PASSWORD_PBKDF2_ITERATIONS", default: defaults.passwordIterations,
                                        in: 1_000...10_000_000),
            sessionTTLSeconds: env.int("KINERJA_SESSION_TTL_SECONDS", default: defaults.sessionTTLSeconds, in: 1...2_592_000),
            invitationTTLSeconds: env.int("KINERJA_INVITATION_TTL_SECONDS", default: defaults.invitationTTLSeconds,
                                          in: 1...2_592_000),
            passwordResetTTLSeconds: env.int("KINERJA_PASSWORD_RESET_TTL_SECONDS", default: defaults.passwordResetTTLSeconds,
                                             in: 1...604_800),
            maxFailuresPerAccount: env.int("KINERJA_LOGIN_MAX_FAILURES_PER_ACCOUNT", default: defaults.maxFailuresPerAccount,
                                           in: 1...1000),
            maxFailuresPerAddress: env.int("KINERJA_LOGIN_MAX_FAILURES_PER_ADDRESS", default: defaults.maxFailuresPerAddress,
                                           in: 1...100_000),
            throttleWindowSeconds: env.int("KINERJA_LOGIN_THROTTLE_WINDOW_SECONDS", default: defaults.throttleWindowSeconds,
                                           in: 1...86_400),
            trustedProxies: Set(env.string("KINERJA_TRUSTED_PROXIES", default: "").split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }))
    }
}
