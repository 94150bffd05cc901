import Foundation
import Kinerja

extension Tenant {
    /// The civil date of `instant` in the tenant's zone: the default "today" of date queries.
    func civilDate(at instant: Date) -> CivilDate {
        let zone = TimeZone(identifier: timeZone)
            ?? RuleSet.indonesianZoneOffsets[timeZone].flatMap { TimeZone(secondsFromGMT: $0) }
            ?? .gmt
        return CivilDate(instant: instant, in: zone)
    }
}
