import Foundation
@testable import Kinerja

/// An exact decimal from its text, so tests never go through binary floating point.
func dec(_ text: String) -> Decimal {
    Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) ?? .nan
}

/// A civil date from `YYYY-MM-DD`; an invalid literal yields a date far away so the test fails loudly.
func day(_ text: String) -> CivilDate {
    CivilDate(iso: text) ?? CivilDate(daysSinceEpoch: -1_000_000)
}
