import Foundation

extension KeyedEncodingContainer {
    /// Encodes an id in lower case, as the API writes ids (`TenantSummary`, audit actors).
    mutating func encodeLowercased(_ id: UUID?, forKey key: Key) throws {
        try encodeIfPresent(id?.uuidString.lowercased(), forKey: key)
    }
}
