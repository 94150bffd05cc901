import Foundation

/// Database URLs that `scripts/test` exports for the throwaway cluster it starts.
public enum TestEnvironment {
    /// The superuser URL (can create schemas, terminate backends).
    public static var superuserURL: String? { value("KINERJA_TEST_SUPERUSER_URL") }
    /// The schema owner's URL, as migrations run.
    public static var ownerURL: String? { value("KINERJA_TEST_OWNER_URL") }
    /// The application role's URL, subject to row-level security.
    public static var databaseURL: String? { value("KINERJA_TEST_DATABASE_URL") }

    private static func value(_ name: String) -> String? {
        guard let v = ProcessInfo.processInfo.environment[name], !v.isEmpty else { return nil }
        return v
    }
}
