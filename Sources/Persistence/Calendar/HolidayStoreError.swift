import Kinerja

/// Why `HolidayStore` refused a change. The API maps each case to one problem type.
public enum HolidayStoreError: Error, Sendable, Equatable {
    /// A field is empty, too long or out of range; every issue has its JSON path.
    case invalid(ValidationFailure)
    /// The tenant already has a holiday on this date.
    case duplicate(CivilDate)
}
