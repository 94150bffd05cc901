import Foundation
import HTTP
import Persistence

/// Login throttling per account and per client address (OWASP Authentication Cheat Sheet,
/// "Login Throttling"): after the allowed failures in the window every attempt, right or
/// wrong, gets 429 with Retry-After until the oldest counted failure leaves the window.
struct LoginThrottle: Sendable {
    let store: LoginThrottleStore
    let configuration: IdentityConfiguration

    /// The keys of one attempt.
    struct Keys {
        let account: String
        let address: String
    }

    func keys(tenant: UUID?, login: String, request: Request) -> Keys {
        let address = ClientAddress(trustedProxies: configuration.trustedProxies).of(request)
        return Keys(account: LoginThrottleStore.accountKey(tenant: tenant, login: login),
                    address: LoginThrottleStore.addressKey(address))
    }

    /// Throws 429 when either key has used its allowance.
    func check(_ keys: Keys) throws {
        let limits = [
            LoginThrottleStore.Limit(keyHash: keys.account, maxFailures: configuration.maxFailuresPerAccount),
            LoginThrottleStore.Limit(keyHash: keys.address, maxFailures: configuration.maxFailuresPerAddress),
        ]
        if let seconds = try store.retryAfter(limits, windowSeconds: configuration.throttleWindowSeconds) {
            throw Problem.tooManyLoginAttempts(retryAfter: seconds)
        }
    }

    func failed(_ keys: Keys) throws {
        try store.recordFailure([keys.account, keys.address], windowSeconds: configuration.throttleWindowSeconds)
    }

    func succeeded(_ keys: Keys) throws {
        try store.clear(keys.account)
    }
}
