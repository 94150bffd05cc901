/// Checks a group's predikat against the distribution pattern of the organisation's achievement.
public enum DistributionCheck {
    /// How serious a violation is.
    public enum Severity: String, Sendable, Codable {
        /// Finalising the period is refused.
        case blocking
        /// Reported, but the group is small enough that finalising may go ahead.
        case warning
    }

    /// One broken rule and by how many people.
    public struct Violation: Sendable, Equatable, Codable {
        /// The rule broken.
        public var rule: DistributionRule
        /// Stable identifier of the rule.
        public var code: String
        /// The head count allowed (at most) or required (at least).
        public var limit: Int
        /// The head count found.
        public var actual: Int
        /// People over the cap or short of the requirement.
        public var by: Int
        /// Blocking or warning.
        public var severity: Severity
        /// The violation in Bahasa Indonesia.
        public var message: String
    }

    /// The outcome of a check.
    public struct Result: Sendable, Equatable, Codable {
        /// The organisation's achievement.
        public var capaian: CapaianKinerjaOrganisasi
        /// The group's counts.
        public var counts: PredikatCounts
        /// The group size.
        public var groupSize: Int
        /// Whether the group is small enough that violations only warn.
        public var warnOnly: Bool
        /// The broken rules.
        public var violations: [Violation]
        /// Whether any violation blocks finalising.
        public var isBlocking: Bool { violations.contains { $0.severity == .blocking } }
    }

    /// Checks `counts` against the pattern for `capaian` with the tenant's distribution settings.
    public static func check(capaian: CapaianKinerjaOrganisasi, counts: PredikatCounts,
                             settings: RuleSet.Distribution) -> Explained<Result> {
        var explanation = Explanation()
        let n = counts.total
        let warnOnly = n < settings.warnOnlyBelow
        explanation.add("Capaian kinerja organisasi \(capaian.label) menetapkan pola distribusi predikat pegawai.",
                        [.init("capaian", capaian.rawValue), .init("jumlahPegawai", n)],
                        basis: .seMenPANRB3of2023)
        if n == 0 {
            explanation.add("Kelompok kosong: tidak ada yang diperiksa.")
            return Explained(Result(capaian: capaian, counts: counts, groupSize: 0, warnOnly: warnOnly,
                                    violations: []), explanation)
        }
        if warnOnly {
            explanation.add("Kelompok \(n) orang lebih kecil dari \(settings.warnOnlyBelow): pelanggaran hanya "
                            + "menjadi peringatan.", [.init("batasKelompokKecil", settings.warnOnlyBelow)],
                            basis: settings.basis)
        }
        var violations: [Violation] = []
        for rule in DistributionPattern.rules(for: capaian) {
            let limit = rule.limit(groupSize: n, rounding: settings.rounding)
            let actual = rule.predikat.map { counts[$0] }.reduce(0, +)
            let excess = rule.bound == .atMost ? actual - limit : limit - actual
            let figures: [ExplanationStep.Figure] = [
                .init("batas", limit), .init("jumlah", actual), .init("pembulatan", settings.rounding.rawValue),
            ]
            if excess > 0 {
                let message = rule.bound == .atMost
                    ? "Aturan '\(rule.text)' dilanggar: \(actual) orang, paling banyak \(limit) orang; "
                        + "kelebihan \(excess) orang."
                    : "Aturan '\(rule.text)' dilanggar: \(actual) orang, paling sedikit \(limit) orang; "
                        + "kekurangan \(excess) orang."
                violations.append(Violation(rule: rule, code: rule.code, limit: limit, actual: actual, by: excess,
                                            severity: warnOnly ? .warning : .blocking, message: message))
                explanation.add(message, figures + [.init("selisih", excess)], basis: .seMenPANRB3of2023)
            } else {
                explanation.add("Aturan '\(rule.text)' terpenuhi: \(actual) orang, batas \(limit) orang.",
                                figures, basis: .seMenPANRB3of2023)
            }
        }
        return Explained(Result(capaian: capaian, counts: counts, groupSize: n, warnOnly: warnOnly,
                                violations: violations), explanation)
    }
}
