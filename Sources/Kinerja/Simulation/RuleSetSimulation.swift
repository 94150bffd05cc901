import Foundation

/// Applies a draft rule set to a period's existing evaluations and says what would change
/// (issue 4 item 5), without writing: coverage (PermenPANRB 6/2022 and the tenant's exemptions),
/// each result through the draft's model, and each distribution group's check (SE MenPANRB 3/2023).
public enum RuleSetSimulation {
    /// Runs the simulation. `capaian` holds the organisation's achievement by group id as set for
    /// the period under `current`'s distribution scope. The report lists at most `listLimit`
    /// changes (a regency has thousands of employees); its counts are always complete.
    public static func run(_ cases: [SimulationCase], tenant: UUID, capaian: [UUID: CapaianKinerjaOrganisasi],
                           current: RuleSet, draft: RuleSet, listLimit: Int = 1000) -> SimulationReport {
        var changes: [SimulationReport.Change] = []
        var notes: [String] = []
        var before: [UUID: [Predikat]] = [:], after: [UUID: [Predikat]] = [:]
        let currentScope = current.evaluation.distribution?.scope
        let draftScope = draft.evaluation.distribution?.scope

        for item in cases {
            func change(_ kind: SimulationReport.Change.Kind, _ was: String?, _ will: String?, _ reason: String) {
                changes.append(.init(evaluationID: item.evaluationID, employeeID: item.employeeID,
                                     employeeName: item.employeeName, kind: kind, before: was, after: will, reason: reason))
            }
            if let scope = currentScope, !item.excludedNow, let predikat = item.resultNow.flatMap(Predikat.init(rawValue:)),
               let group = item.group(under: scope, tenant: tenant) {
                before[group, default: []].append(predikat)
            }

            let coverage = CoverageCheck.check(item.coverage, ruleSet: draft).value
            if coverage.obliged == item.excludedNow {
                let reason = coverage.obliged
                    ? "Menurut aturan baru pegawai ini wajib dinilai."
                    : coverage.reasons.map { $0.message + ($0.basis.map { " (\($0.description))" } ?? "") }.joined(separator: " ")
                change(.coverage, item.excludedNow ? "dikecualikan" : "wajib", coverage.obliged ? "wajib" : "dikecualikan", reason)
            }
            guard coverage.obliged else { continue }

            switch outcome(of: item, under: draft) {
            case .none:
                continue
            case .failure(let reason):
                change(.notComputable, item.resultNow, nil, reason)
            case .result(let result, let reason):
                if result != item.resultNow { change(.result, item.resultNow, result, reason) }
                if let scope = draftScope, let predikat = Predikat(rawValue: result),
                   let group = item.group(under: scope, tenant: tenant) {
                    after[group, default: []].append(predikat)
                }
            }
        }

        var groups: [SimulationReport.Group] = []
        if let settings = draft.evaluation.distribution {
            if let currentScope, currentScope != settings.scope {
                notes.append("Cakupan distribusi berubah dari \(currentScope.rawValue) ke \(settings.scope.rawValue): capaian "
                             + "kinerja organisasi harus ditetapkan ulang untuk kelompok baru, sehingga distribusi tidak dapat "
                             + "dibandingkan (\(settings.basis.description)).")
            } else {
                for (group, list) in after.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
                    guard let level = capaian[group] else { continue }
                    let was = current.evaluation.distribution.map {
                        DistributionCheck.check(capaian: level, counts: PredikatCounts(before[group] ?? []), settings: $0).value
                    }
                    let will = DistributionCheck.check(capaian: level, counts: PredikatCounts(list), settings: settings).value
                    groups.append(.init(groupID: group, capaian: level, before: was, after: will,
                                        outcomeChanged: (was?.isBlocking ?? false) != will.isBlocking))
                }
            }
        }
        return SimulationReport(
            evaluations: cases.count,
            resultsChanged: changes.filter { $0.kind == .result }.count,
            coverageChanged: changes.filter { $0.kind == .coverage }.count,
            notComputable: changes.filter { $0.kind == .notComputable }.count,
            groupsWithOutcomeChanged: groups.filter(\.outcomeChanged).count,
            changes: Array(changes.prefix(listLimit)), changesOmitted: max(0, changes.count - listLimit),
            groups: groups, notes: notes)
    }

    private enum Outcome {
        case result(String, reason: String)
        case failure(String)
    }

    /// The result the draft gives from what the evaluator entered; nil when nothing was entered.
    private static func outcome(of item: SimulationCase, under draft: RuleSet) -> Outcome? {
        switch draft.evaluation.model {
        case .quadrant:
            if let ratings = item.ratings {
                let predikat = PredikatQuadrant.predikat(hasilKerja: ratings.hasilKerja, perilakuKerja: ratings.perilakuKerja)
                return .result(predikat.rawValue, reason: "Kuadran: hasil kerja \(ratings.hasilKerja.label), perilaku "
                               + "\(ratings.perilakuKerja.label) (\(draft.evaluation.basis.description)).")
            }
            return item.resultNow == nil ? nil
                : .failure("Aturan baru memakai kuadran, tetapi penilaian ini berupa nilai berbobot: perlu dinilai ulang.")
        case .weighted:
            if let scores = item.scores {
                do {
                    let scored = try WeightedModel.evaluate(scores, ruleSet: draft).value
                    return .result(scored.kategori.rawValue, reason: "Nilai prestasi kerja \(scored.nilaiPrestasiKerja) "
                                   + "menurut bobot dan kategori aturan baru (\(draft.evaluation.basis.description)).")
                } catch {
                    return .failure(error.message)
                }
            }
            return item.resultNow == nil ? nil
                : .failure("Aturan baru memakai nilai berbobot, tetapi penilaian ini berupa rating kuadran: perlu dinilai ulang.")
        }
    }
}
