/// Why the migrator refused or failed. Descriptions name files and checksums, which operators
/// need, and never row data.
public enum MigrationError: Error, Sendable, CustomStringConvertible {
    /// A `.sql` file whose name is not `NNNN_name.sql`.
    case badFileName(String)
    /// Two files with the same version.
    case duplicateVersion(String, String)
    /// A file that is not UTF-8.
    case invalidEncoding(String)
    /// The directory or a file could not be read.
    case unreadable(String)
    /// An applied migration's file changed since it was applied.
    case changed(fileName: String, appliedChecksum: String, fileChecksum: String)
    /// A migration failed and was rolled back; `error` is the server's (its `debugMessage`
    /// has the SQL error text, which is about our own SQL, not user data).
    case failed(fileName: String, error: PostgresError)
    /// A migration ended the migrator's transaction itself (COMMIT/ROLLBACK in the file).
    case transactionControl(fileName: String)

    /// One line for the operator.
    public var description: String {
        switch self {
        case .badFileName(let file):
            "migration file \(file) is not named NNNN_name.sql (digits, underscore, lowercase letters, digits, underscores)"
        case .duplicateVersion(let a, let b):
            "migration files \(a) and \(b) have the same version"
        case .invalidEncoding(let file):
            "migration file \(file) is not valid UTF-8"
        case .unreadable(let path):
            "cannot read migrations at \(path)"
        case .changed(let file, let applied, let current):
            "migration \(file) changed after it was applied (applied sha256 \(applied), file sha256 \(current)); "
                + "restore the file and add a new migration instead; nothing was applied"
        case .failed(let file, let error):
            "migration \(file) failed and was rolled back: \(error) \(error.debugMessage)"
        case .transactionControl(let file):
            "migration \(file) ended the migrator's transaction (remove BEGIN/COMMIT/ROLLBACK from it)"
        }
    }
}
