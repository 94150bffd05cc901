import Foundation

/// The OpenAPI 3.1 document (`openapi.json`, a resource of this module).
enum OpenAPIDocument {
    static func bytes() throws -> [UInt8] {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return Array(try Data(contentsOf: url))
    }

    /// The operations the document lists as `METHOD /path`, with `{name}` parameters written as
    /// the router writes them (`:name`), so a test can compare the two.
    static func operations() throws -> Set<String> {
        let object = try JSONSerialization.jsonObject(with: Data(bytes()))
        guard let paths = (object as? [String: Any])?["paths"] as? [String: [String: Any]] else { return [] }
        var operations = Set<String>()
        for (path, item) in paths {
            let routerPath = path.split(separator: "/", omittingEmptySubsequences: false).map { part in
                part.hasPrefix("{") && part.hasSuffix("}") ? ":" + part.dropFirst().dropLast() : String(part)
            }.joined(separator: "/")
            for method in item.keys where ["get", "put", "post", "delete", "patch"].contains(method) {
                operations.insert("\(method.uppercased()) \(routerPath)")
            }
        }
        return operations
    }
}
