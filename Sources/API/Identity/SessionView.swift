import Foundation

/// The answer to a successful login.
struct SessionView: Encodable {
    let token: String
    let tokenType = "Bearer"
    let expiresAt: Date
    let me: MeView
}
