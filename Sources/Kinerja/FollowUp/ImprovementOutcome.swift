/// How an improvement window ended (PP 30/2019 Pasal 56–58; Perbup Tanah Laut 2024 Pasal 33
/// huruf c and Pasal 34 huruf c: without improvement the official takes a competence test).
public enum ImprovementOutcome: String, Sendable, Codable, CaseIterable {
    /// The official improved.
    case improved
    /// No improvement: the competence test follows (decided outside this system).
    case notImproved = "not-improved"
    /// The window no longer applies (force majeure, the result changed on objection, the official left).
    case cancelled

    /// Why this outcome cannot be recorded now, or nil. Improved or not is judged only once the six
    /// months are over (`endsOn` has passed, `today` in the tenant's zone); cancelling is allowed any time.
    public func refusal(status: String, endsOn: CivilDate, today: CivilDate) -> String? {
        guard status == "open" else {
            return "Hasil kesempatan perbaikan ini sudah dicatat ('\(status)'). (\(ImprovementWindowRule.administrasiBasis))"
        }
        if self != .cancelled, today <= endsOn {
            return "Hasil perbaikan baru dapat dinilai setelah 6 bulan berakhir pada \(endsOn). "
                + "(\(ImprovementWindowRule.administrasiBasis); \(ImprovementWindowRule.jptBasis.article ?? ""))"
        }
        return nil
    }
}
