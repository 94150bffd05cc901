/// Why an organisation change was refused. `field` names the input, `code` is stable for
/// programs, `message` is for people.
public struct OrganisationError: Error, Sendable, Equatable {
    /// The input at fault (`code`, `parentId`, ...); empty when it concerns the whole request.
    public var field: String
    /// A stable snake_case code.
    public var code: String
    /// The reason in Bahasa Indonesia.
    public var message: String
    /// Whether the thing referred to by the request (not a field) is missing: maps to 404.
    public var isNotFound: Bool

    /// Creates an error.
    public init(field: String, code: String, message: String, isNotFound: Bool = false) {
        self.field = field
        self.code = code
        self.message = message
        self.isNotFound = isNotFound
    }

    /// The record addressed does not exist (in this tenant).
    public static func notFound(_ what: String) -> OrganisationError {
        OrganisationError(field: "", code: "not_found", message: "\(what) tidak ditemukan.", isNotFound: true)
    }

    /// A referenced record does not exist.
    public static func unknownReference(_ field: String, _ what: String) -> OrganisationError {
        OrganisationError(field: field, code: "unknown_reference", message: "\(what) tidak ditemukan.")
    }

    /// The natural key is taken.
    public static func duplicate(_ field: String, _ value: String) -> OrganisationError {
        OrganisationError(field: field, code: "duplicate", message: "\"\(value)\" sudah dipakai.")
    }
}
