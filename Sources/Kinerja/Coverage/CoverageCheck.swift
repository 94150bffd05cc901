/// Decides whether an employee is obliged on a date under a rule set, and if not, why.
public enum CoverageCheck {
    /// Answers `question` under `ruleSet`, listing every reason that applies (not only the first).
    public static func check(_ question: CoverageQuestion, ruleSet: RuleSet) -> Explained<CoverageDecision> {
        var explanation = Explanation()
        var reasons: [CoverageDecision.Reason] = []
        let date = question.on
        let type = question.employeeType

        if let covered = ruleSet.coverage.employeeTypes.first(where: { $0.type == type }) {
            if let from = covered.from, date < from {
                let message = "\(type.rawValue) baru wajib sejak \(from); tanggal \(date) sebelum itu."
                reasons.append(.init(code: .typeNotYetCovered, message: message, basis: covered.basis))
                explanation.add(message, [.init("jenisPegawai", type.rawValue), .init("berlakuSejak", from)],
                                basis: covered.basis)
            } else {
                explanation.add("\(type.rawValue) termasuk pegawai yang wajib"
                                + (covered.from.map { " sejak \($0)" } ?? "") + ".",
                                [.init("jenisPegawai", type.rawValue)], basis: covered.basis)
            }
        } else {
            let listed = ruleSet.coverage.employeeTypes.map(\.type.rawValue).joined(separator: ", ")
            let message = "\(type.rawValue) tidak termasuk pegawai yang diatur (hanya \(listed))."
            let basis = ruleSet.coverage.employeeTypes.first?.basis
            reasons.append(.init(code: .typeNotCovered, message: message, basis: basis))
            explanation.add(message, [.init("jenisPegawai", type.rawValue)], basis: basis)
        }

        for period in question.statuses where period.contains(date) {
            if let exemption = ruleSet.coverage.exemptStatuses.first(where: { $0.status == period.status }) {
                let message = "Pada \(date) pegawai berstatus \(period.status.indonesianName) (sejak \(period.from)), "
                    + "yang dikecualikan dari kewajiban."
                reasons.append(.init(code: .exemptStatus, message: message, basis: exemption.basis))
                explanation.add(message, [.init("status", period.status.rawValue)], basis: exemption.basis)
            } else {
                explanation.add("Status \(period.status.indonesianName) tidak dikecualikan oleh aturan tenant ini.",
                                [.init("status", period.status.rawValue)])
            }
        }

        let obliged = reasons.isEmpty
        explanation.add(obliged ? "Pegawai wajib melaksanakan pengelolaan kinerja pada \(date)."
                                : "Pegawai tidak wajib pada \(date).",
                        [.init("wajib", obliged ? "ya" : "tidak")])
        return Explained(CoverageDecision(obliged: obliged, reasons: reasons), explanation)
    }
}
