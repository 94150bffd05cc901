import Kinerja
import Postgres

extension PostgresError {
    /// SQLSTATE 23P01: an exclusion constraint refused overlapping ranges.
    var isExclusionViolation: Bool { sqlState == "23P01" }

    /// The organisation error for a constraint the database enforced after the store's own
    /// checks passed (a race with another transaction), or nil for anything else.
    func organisationError(uniqueField: String) -> OrganisationError? {
        switch kind {
        case .uniqueViolation:
            OrganisationError(field: uniqueField, code: "duplicate", message: "Nilai ini sudah dipakai oleh data lain.")
        case .foreignKeyViolation:
            OrganisationError(field: "", code: "in_use", message: "Data masih dirujuk oleh data lain, atau rujukannya tidak ada.")
        default:
            nil
        }
    }
}
