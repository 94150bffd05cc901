import Foundation

/// A tenant's rules as data: one versioned JSON document per regency (architecture.md,
/// "Rules are data, versioned per tenant"). Every setting carries its legal basis.
///
/// # JSON format (formatVersion 1)
///
/// Every object rejects unknown keys. Every `basis` is
/// `{"regulation": String, "article": String?, "note": String?}` (`note` marks tenant decisions).
/// Windows of days (`DayWindow`) are `{"days": 1…365, "unit": "calendar" | "working", "basis"}`.
///
/// ```
/// {
///   "formatVersion": 1,
///   "tenant": "tanah-laut",                 // slug: a–z, 0–9, '-'
///   "name": "…",                            // the tenant's rules in words
///   "timeZone": "Asia/Makassar",            // IANA zone for civil dates and deadlines
///   "evaluation": {
///     "model": "quadrant" | "weighted",
///     "basis": {…},
///     // model "quadrant" (PermenPANRB 6/2022) requires:
///     "distribution": {
///       "scope": "perangkat-daerah" | "unit-kerja" | "instansi",
///       "rounding": "floor-max-ceil-min" | "nearest",
///       "warnOnlyBelow": 0…1000,            // groups smaller than this only warn
///       "basis": {…}
///     },
///     // model "weighted" (PerKa BKN 1/2013) requires:
///     "weights": {"skp": 0…100, "perilaku": 0…100, "basis": {…}},      // sum 100
///     "formulas": {"standard": "perka-bkn-1-2013", "efficiencyThreshold": 0…100, "basis": {…}},
///     "rounding": {"scale": 0…6, "mode": "half-up" | "half-even" | "down"},
///     "categories": {
///       "bounds": [{"category": "sangat-baik", "min": 91}, …, {"category": "buruk", "min": 0}],
///       "poorBehaviourAtOrBelow": "cukup",  // behaviour is judged poor at this category or worse
///       "basis": {…}
///     }
///   },
///   "behaviour": {
///     "model": "berakhlak" | "five-elements",
///     // "five-elements" (orientasi pelayanan, komitmen, inisiatif kerja, kerjasama, kepemimpinan):
///     "leadershipJobKinds": ["jpt", "administrator", "pengawas"],
///     "leadershipForFungsionalWhenRequired": true,
///     "basis": {…}
///   },
///   "periodicEvaluation": {"cadence": "monthly" | "quarterly" | "semiannual" | "annual", "basis": {…}},
///   "skp": {
///     "deadline": {"endOfMonth": 1…12, "basis": {…}},
///     "timeUnits": {"allowed": ["bulan", …], "basis": {…}},   // menit jam hari minggu bulan triwulan semester tahun
///     "review": {"byPengelolaKinerja": true, "basis": {…}}     // optional
///   },
///   "coverage": {
///     "employeeTypes": [{"type": "PNS" | "PPPK" | "CPNS", "from": "YYYY-MM-DD"?, "basis": {…}}],
///     "exemptStatuses": [{"status": "fungsional-instansi-pembina" | "cuti-di-luar-tanggungan-negara"
///                         | "tugas-belajar" | "diberhentikan-sementara", "basis": {…}}]
///   },
///   "objection": {"filingWindow": DayWindow, "decisionWindow": DayWindow?},
///   "assessment": {"window": DayWindow}                      // optional: evaluator's deadline
/// }
/// ```
///
/// Cross-field rules: `quadrant` needs `distribution` and no `weights`/`formulas`/`rounding`/
/// `categories`; `weighted` needs all four, no `distribution`, and `behaviour.model` `five-elements`;
/// `five-elements` needs `leadershipJobKinds`; category minimums strictly decrease and end at 0.
///
/// Parse with `RuleSet.parse(_:)`, which reports every problem with its JSON path
/// (`$.evaluation.weights.skp: harus di antara 0 dan 100 (sekarang 120)`).
public struct RuleSet: Sendable, Equatable {
    /// The format version this document is written in; only 1 exists.
    public var formatVersion: Int
    /// The tenant slug, e.g. `tanah-laut`.
    public var tenant: String
    /// The rule set's name in words.
    public var name: String
    /// The tenant's IANA time zone, e.g. `Asia/Jakarta` (WIB) or `Asia/Makassar` (WITA).
    public var timeZone: String
    /// How employees are rated.
    public var evaluation: Evaluation
    /// Which behaviour aspects are rated.
    public var behaviour: Behaviour
    /// How often periodic evaluations happen.
    public var periodicEvaluation: PeriodicEvaluation
    /// SKP deadline, time units and review.
    public var skp: SKP
    /// Who must take part and who is exempt.
    public var coverage: Coverage
    /// Objection (keberatan) windows.
    public var objection: Objection
    /// The evaluator's assessment deadline, when the tenant sets one.
    public var assessment: Assessment?

    /// The formats this build understands.
    public static let supportedFormatVersions: ClosedRange<Int> = 1...1

    /// Creates a rule set from its sections.
    public init(formatVersion: Int = 1, tenant: String, name: String, timeZone: String,
                evaluation: Evaluation, behaviour: Behaviour, periodicEvaluation: PeriodicEvaluation,
                skp: SKP, coverage: Coverage, objection: Objection, assessment: Assessment?) {
        self.formatVersion = formatVersion
        self.tenant = tenant
        self.name = name
        self.timeZone = timeZone
        self.evaluation = evaluation
        self.behaviour = behaviour
        self.periodicEvaluation = periodicEvaluation
        self.skp = skp
        self.coverage = coverage
        self.objection = objection
        self.assessment = assessment
    }

    /// Indonesia's zones have had no daylight saving since 1988, so a fixed offset is exact for them.
    /// Used when the platform's zone database is missing (static builds, platform-notes.md).
    public static let indonesianZoneOffsets: [String: Int] = [
        "Asia/Jakarta": 7 * 3600, "Asia/Pontianak": 7 * 3600, "Asia/Makassar": 8 * 3600, "Asia/Jayapura": 9 * 3600,
    ]

    /// The tenant's time zone; validation guarantees the identifier is known or an Indonesian zone.
    public var resolvedTimeZone: TimeZone { Self.resolveTimeZone(timeZone) }

    /// The zone `identifier` names, or its fixed Indonesian offset when the zone database lacks it.
    public static func resolveTimeZone(_ identifier: String) -> TimeZone {
        TimeZone(identifier: identifier)
            ?? indonesianZoneOffsets[identifier].flatMap { TimeZone(secondsFromGMT: $0) }
            ?? .gmt
    }
}
