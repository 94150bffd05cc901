/// Checks on an SKP that the tenant's rules decide: its deadline and the time units of its targets.
public enum SKPCheck {
    /// The last day to establish `year`'s SKP (e.g. 31 January).
    public static func deadline(forYear year: Int, ruleSet: RuleSet) -> Explained<CivilDate>? {
        let rule = ruleSet.skp.deadline
        guard let date = rule.date(forYear: year) else { return nil }
        var explanation = Explanation()
        explanation.add("SKP tahun \(year) ditetapkan paling lambat akhir bulan ke-\(rule.endOfMonth): \(date).",
                        [.init("tahun", year), .init("tenggat", date)], basis: rule.basis)
        return Explained(date, explanation)
    }

    /// Whether a target may be expressed in `unit` (Perbup Pasuruan 117/2019 Pasal 10 huruf c rejects
    /// menit, jam, hari, minggu and tahun: months only).
    public static func isTimeUnitAllowed(_ unit: SKPTimeUnit, ruleSet: RuleSet) -> Explained<Bool> {
        let rule = ruleSet.skp.timeUnits
        let allowed = rule.allowed.contains(unit)
        var explanation = Explanation()
        explanation.add(allowed
                        ? "Satuan waktu '\(unit.rawValue)' diperbolehkan."
                        : "Satuan waktu '\(unit.rawValue)' tidak diperbolehkan; SKP ditolak. Satuan yang sah: "
                            + rule.allowed.map(\.rawValue).joined(separator: ", ") + ".",
                        [.init("satuan", unit.rawValue), .init("diperbolehkan", allowed ? "ya" : "tidak")],
                        basis: rule.basis)
        return Explained(allowed, explanation)
    }
}
