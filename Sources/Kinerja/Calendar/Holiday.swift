/// A day off that is not a weekend: a national holiday, cuti bersama, or a tenant's own holiday.
public struct Holiday: Sendable, Equatable, Hashable, Codable {
    /// What kind of day off.
    public enum Kind: String, Sendable, Codable, CaseIterable, Hashable {
        /// Hari libur nasional.
        case national
        /// Cuti bersama (joint leave set by the joint ministerial decree).
        case cutiBersama = "cuti-bersama"
        /// A holiday the tenant declares (e.g. the regency's anniversary).
        case tenant

        /// The Indonesian name.
        public var indonesianName: String {
            switch self {
            case .national: "hari libur nasional"
            case .cutiBersama: "cuti bersama"
            case .tenant: "libur daerah"
            }
        }
    }

    /// The day.
    public var date: CivilDate
    /// Its name, e.g. "Hari Raya Idul Fitri 1446 H".
    public var name: String
    /// National, cuti bersama or tenant.
    public var kind: Kind

    /// Creates a holiday.
    public init(date: CivilDate, name: String, kind: Kind) {
        self.date = date
        self.name = name
        self.kind = kind
    }
}
