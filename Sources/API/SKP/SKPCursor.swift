import Foundation
import HTTP

/// The opaque cursor of SKP lists: the last id seen, base64url-encoded. Clients pass it back as is.
enum SKPCursor {
    static func encode(_ id: UUID) -> String {
        Data(id.uuidString.lowercased().utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: String) throws -> UUID {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard text.count <= 64, let data = Data(base64Encoded: base64),
              let id = UUID(uuidString: String(decoding: data, as: UTF8.self)) else {
            throw Problem.badRequest("Kursor tidak valid.", errors: [.init(pointer: "/cursor", code: "invalid_value",
                                                                          message: "Gunakan nilai nextCursor apa adanya.")])
        }
        return id
    }
}
