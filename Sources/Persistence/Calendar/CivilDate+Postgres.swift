import Kinerja
import Postgres

// The domain's civil date and the driver's `date` are the same idea on two sides of the module
// boundary (the domain knows no Postgres); both count days from 1970-01-01, so converting is exact.
extension PostgresDate {
    /// The same day as `date`.
    init(_ date: CivilDate) {
        self.init(daysSinceEpoch: date.daysSinceEpoch)
    }
}

extension CivilDate {
    /// The same day as `date`.
    init(_ date: PostgresDate) {
        self.init(daysSinceEpoch: date.daysSinceEpoch)
    }
}
