import Foundation

/// Where a person opens an issued document: the API's download route (`GET /v1/documents/{id}`,
/// which checks who may read it) under the public address the worker is configured with
/// (`KINERJA_PUBLIC_URL`); without one, e-mails carry the path alone.
public struct DocumentLinks: Sendable, Equatable {
    /// E.g. `https://kinerja.karawangkab.go.id`, without a trailing slash; empty when unset.
    public var baseURL: String

    /// Links under `baseURL` (a trailing slash is dropped).
    public init(baseURL: String) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    }

    /// The API path of document `id`, for in-app notifications.
    public func path(_ id: UUID) -> String { "/v1/documents/" + id.uuidString.lowercased() }

    /// The full address of document `id`, for e-mails.
    public func url(_ id: UUID) -> String { baseURL + path(id) }
}
