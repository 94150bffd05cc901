import Foundation

/// What an RHK serves: the superior's RHK, or for a JPT the unit's performance agreement
/// (Perbup Pasuruan 117/2019 Pasal 7 ayat (1): "disusun berdasarkan perjanjian kinerja").
public enum RHKLink: Sendable, Equatable, Codable {
    /// The superior's RHK with this id.
    case superiorRHK(UUID)
    /// A free-text reference into the unit's perjanjian kinerja.
    case perjanjianKinerja(String)

    private enum CodingKeys: String, CodingKey { case superiorRHKID, perjanjianKinerja }

    /// Decodes `{"superiorRHKID": "…"}` or `{"perjanjianKinerja": "…"}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let id = try container.decodeIfPresent(UUID.self, forKey: .superiorRHKID) {
            self = .superiorRHK(id)
        } else {
            self = .perjanjianKinerja(try container.decode(String.self, forKey: .perjanjianKinerja))
        }
    }

    /// Encodes as one of the two keys (ids in lower case, as the API writes them).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .superiorRHK(let id): try container.encode(id.uuidString.lowercased(), forKey: .superiorRHKID)
        case .perjanjianKinerja(let text): try container.encode(text, forKey: .perjanjianKinerja)
        }
    }
}
