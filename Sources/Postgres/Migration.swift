import Foundation

/// One migration file, `NNNN_name.sql`: forward-only SQL applied in one transaction.
public struct Migration: Sendable, Equatable {
    /// The number before the underscore; migrations apply in this order.
    public let version: Int
    /// The part between the underscore and `.sql`.
    public let name: String
    /// The file name (`0002_people.sql`).
    public let fileName: String
    /// The file's bytes, exactly as checksummed.
    public let contents: [UInt8]

    /// The SQL text.
    public var sql: String { String(decoding: contents, as: UTF8.self) }

    /// Builds a migration from a file name and contents; throws `.badFileName` or
    /// `.invalidEncoding`.
    public init(fileName: String, contents: [UInt8]) throws(MigrationError) {
        guard let (version, name) = Migration.parse(fileName: fileName) else { throw .badFileName(fileName) }
        guard String(validating: contents, as: UTF8.self) != nil else { throw .invalidEncoding(fileName) }
        self.version = version
        self.name = name
        self.fileName = fileName
        self.contents = contents
    }

    /// Splits `NNNN_name.sql` (four or more digits; lowercase letters, digits and underscores).
    static func parse(fileName: String) -> (Int, String)? {
        guard fileName.hasSuffix(".sql") else { return nil }
        let stem = fileName.dropLast(4)
        guard let underscore = stem.firstIndex(of: "_") else { return nil }
        let digits = stem[..<underscore]
        let name = stem[stem.index(after: underscore)...]
        guard digits.count >= 4, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              !name.isEmpty,
              name.allSatisfy({ ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "_" }),
              let version = Int(digits) else { return nil }
        return (version, String(name))
    }

    /// Every `*.sql` file in `directory`, sorted by version. Other files are ignored; a `.sql` file
    /// with a bad name, or two files with one version, is an error.
    public static func load(from directory: URL) throws(MigrationError) -> [Migration] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw .unreadable(directory.path)
        }
        var migrations: [Migration] = []
        for fileName in names.sorted() where fileName.hasSuffix(".sql") {
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(fileName).path) else {
                throw .unreadable(fileName)
            }
            migrations.append(try Migration(fileName: fileName, contents: Array(data)))
        }
        migrations.sort { $0.version < $1.version }
        for (a, b) in zip(migrations, migrations.dropFirst()) where a.version == b.version {
            throw .duplicateVersion(a.fileName, b.fileName)
        }
        return migrations
    }
}
