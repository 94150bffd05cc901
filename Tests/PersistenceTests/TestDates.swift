import Kinerja

/// A civil date from `YYYY-MM-DD`; a malformed literal gives a date far in the past, so the
/// test that wrote it fails visibly instead of crashing.
func day(_ text: String) -> CivilDate {
    CivilDate(iso: text) ?? CivilDate(daysSinceEpoch: -1_000_000)
}
