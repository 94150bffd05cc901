/// A request method (RFC 9110 section 9); any token is allowed, the common ones have names.
public struct HTTPMethod: Sendable, Hashable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The method exactly as sent (methods are case-sensitive).
    public let rawValue: String

    /// A method from its token.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }
    public static func < (lhs: HTTPMethod, rhs: HTTPMethod) -> Bool { lhs.rawValue < rhs.rawValue }

    /// GET.
    public static let get: HTTPMethod = "GET"
    /// HEAD.
    public static let head: HTTPMethod = "HEAD"
    /// POST.
    public static let post: HTTPMethod = "POST"
    /// PUT.
    public static let put: HTTPMethod = "PUT"
    /// PATCH.
    public static let patch: HTTPMethod = "PATCH"
    /// DELETE.
    public static let delete: HTTPMethod = "DELETE"
    /// OPTIONS.
    public static let options: HTTPMethod = "OPTIONS"
}
