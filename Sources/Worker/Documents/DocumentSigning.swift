import Kinerja

/// Where and when a document is signed: `Pelaihari, 31 Januari 2025` (documents.md §0). The
/// place is a tenant setting.
public struct DocumentSigning: Sendable, Hashable {
    /// The place, e.g. `Pelaihari`.
    public var place: String
    /// The date of signing.
    public var date: CivilDate

    /// A place and date of signing.
    public init(place: String, date: CivilDate) {
        self.place = place
        self.date = date
    }

    /// The date as printed, `31 Januari 2025`.
    public var dateText: String { IndonesianDate.long(date) }
}
