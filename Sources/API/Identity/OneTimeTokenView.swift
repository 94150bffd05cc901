import Foundation
import Persistence

/// A one-time token handed to the admin until the worker e-mails it.
struct OneTimeTokenView: Encodable {
    let kind: String
    let token: String
    let expiresAt: Date
    /// `returned_to_admin`: no e-mail was sent; the admin passes the token on.
    let delivery = "returned_to_admin"
    let note = "Token ini hanya ditampilkan sekali. Pengiriman e-mail otomatis belum tersedia; "
        + "sampaikan token kepada pengguna melalui saluran resmi. Pengguna memakainya di POST /v1/password-resets."

    init(_ issued: IssuedOneTimeToken) {
        kind = issued.kind.rawValue
        token = issued.token.value
        expiresAt = issued.expiresAt
    }
}
