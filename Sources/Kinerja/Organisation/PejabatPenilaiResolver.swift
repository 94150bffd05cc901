import Foundation

/// Resolves the pejabat penilai kinerja of an employee on a date, and the atasan pejabat penilai,
/// from an `OrganisationSnapshot`. Pure: the same snapshot and date give the same answer, which
/// is what keeps "who evaluated X on date D" answerable after the organisation changes.
///
/// Rules (domain.md, "Who evaluates whom"; PermenPANRB 6/2022):
/// 1. An admin's override in force on the date wins (it is also how evaluation is delegated).
/// 2. Otherwise start from the employee's post on the date (the definitive one; an acting post
///    only when there is none) and walk up the superior posts:
///    - a Pelaksana or Fungsional post is skipped: the evaluator is at least Pengawas unless
///      delegated;
///    - a vacant post passes evaluation to the next superior up (Perbup Pasuruan 117/2019
///      Pasal 14);
///    - an acting official (Plt/Plh) holds the post and may evaluate (SE Kepala BKN 1/2021 on
///      the authority of Plh and Plt). A Plh stands in for an absent holder, so while a Plh
///      assignment runs the Plh evaluates; otherwise the definitive holder, then a Plt.
///    - a post held by the employee themself (e.g. as Plt) is skipped: nobody evaluates themself.
/// 3. The atasan pejabat penilai is found the same way: upward from the evaluator's post when the
///    evaluator came from the hierarchy, or from the evaluator as an employee when set by an
///    override.
public struct PejabatPenilaiResolver: Sendable {
    /// The organisation to resolve in.
    public let snapshot: OrganisationSnapshot

    /// A resolver over `snapshot`.
    public init(snapshot: OrganisationSnapshot) {
        self.snapshot = snapshot
    }

    /// The evaluator and the evaluator's superior of `employee` on `date`, with the reasons.
    public func resolve(_ employee: UUID, on date: CivilDate) -> EvaluatorResolution {
        var explanation = Explanation()
        let evaluator = evaluator(of: employee, on: date, excluding: [employee], explanation: &explanation)
        var superiorExplanation = Explanation()
        var superior: PejabatPenilai?
        if let evaluator {
            let excluded: Set<UUID> = [employee, evaluator.employeeID]
            switch evaluator.basis {
            case .hierarchy(let jabatanID, _):
                superior = walkUp(from: jabatanID, on: date, excluding: excluded, explanation: &superiorExplanation)
            case .override:
                superior = self.evaluator(of: evaluator.employeeID, on: date, excluding: excluded,
                                          explanation: &superiorExplanation)
            }
        } else {
            superiorExplanation.add("Pejabat penilai tidak ditemukan, maka atasan pejabat penilai juga tidak ada.")
        }
        return EvaluatorResolution(employeeID: employee, date: date, evaluator: evaluator, evaluatorSuperior: superior,
                                   explanation: explanation, superiorExplanation: superiorExplanation)
    }

    /// The evaluator of `employee`: override first, else the hierarchy.
    private func evaluator(of employee: UUID, on date: CivilDate, excluding excluded: Set<UUID>,
                           explanation: inout Explanation) -> PejabatPenilai? {
        let override = (snapshot.overridesByEmployee[employee] ?? [])
            .filter { $0.period.contains(date) }
            .min { ($0.period.from, $0.id.uuidString) < ($1.period.from, $1.id.uuidString) }
        if let override {
            explanation.add("Pejabat penilai ditetapkan admin untuk \(snapshot.name(of: employee)) (\(override.period.indonesianDescription)): \(snapshot.name(of: override.evaluatorID)).",
                            [.init("alasan", override.reason)],
                            basis: .permenPANRB6of2022(note: "penetapan/pendelegasian pejabat penilai oleh admin"))
            return PejabatPenilai(employeeID: override.evaluatorID, basis: .override(overrideID: override.id))
        }
        guard let own = post(of: employee, on: date) else {
            explanation.add("\(snapshot.name(of: employee)) tidak memegang jabatan pada \(date).")
            return nil
        }
        let ownName = snapshot.jabatan[own.jabatanID]?.name ?? own.jabatanID.uuidString.lowercased()
        explanation.add("Jabatan \(snapshot.name(of: employee)) pada \(date): \(ownName) (\(own.kind.indonesianName)).")
        return walkUp(from: own.jabatanID, on: date, excluding: excluded, explanation: &explanation)
    }

    /// The employee's own post on `date`: the definitive one, else an acting one.
    private func post(of employee: UUID, on date: CivilDate) -> Assignment? {
        let current = (snapshot.assignmentsByEmployee[employee] ?? []).filter { $0.period.contains(date) }
        return earliest(current.filter { $0.kind == .definitif }) ?? earliest(current.filter { $0.kind.isActing })
    }

    /// The first holder able to evaluate above `start` (exclusive), walking up superior posts.
    private func walkUp(from start: UUID, on date: CivilDate, excluding excluded: Set<UUID>,
                        explanation: inout Explanation) -> PejabatPenilai? {
        var visited: Set<UUID> = [start]
        var current = snapshot.jabatan[start]
        var first = true
        while let post = current {
            guard let superiorID = post.superiorID else {
                explanation.add("\(post.name) tidak memiliki jabatan atasan dalam sistem (puncak hierarki).")
                return nil
            }
            guard visited.insert(superiorID).inserted, let superior = snapshot.jabatan[superiorID] else {
                explanation.add("Hierarki jabatan di atas \(post.name) rusak (jabatan atasan tidak ada atau berputar).")
                return nil
            }
            let which = first ? "Jabatan atasan langsung" : "Jabatan atasan berikutnya"
            first = false
            current = superior
            guard superior.kind.mayEvaluate else {
                explanation.add("\(which) \(superior.name) adalah \(superior.kind.indonesianName), bukan minimal Pengawas → atasan berikutnya.",
                                basis: .permenPANRB6of2022(note: "pejabat penilai kinerja paling rendah Pengawas, kecuali didelegasikan"))
                continue
            }
            guard let holder = holder(of: superiorID, on: date) else {
                explanation.add("\(which) \(superior.name) kosong pada \(date) → atasan berikutnya.",
                                basis: LegalBasis(regulation: "Perbup Pasuruan 117/2019", article: "Pasal 14"))
                continue
            }
            if excluded.contains(holder.employeeID) {
                explanation.add("\(which) \(superior.name) dijabat oleh \(snapshot.name(of: holder.employeeID)) sendiri → atasan berikutnya.")
                continue
            }
            let how = holder.kind == .definitif ? "definitif" : "sebagai \(holder.kind.indonesianName)"
            explanation.add("\(which) \(superior.name) dijabat \(how) oleh \(snapshot.name(of: holder.employeeID)) → pejabat penilai.",
                            basis: holder.kind.isActing
                                ? LegalBasis(regulation: "SE Kepala BKN 1/2021", note: "kewenangan Plh/Plt")
                                : .permenPANRB6of2022())
            return PejabatPenilai(employeeID: holder.employeeID, basis: .hierarchy(jabatanID: superiorID, holding: holder.kind))
        }
        return nil
    }

    /// Who holds `jabatan` on `date`: a Plh (standing in for an absent holder), else the
    /// definitive holder, else a Plt.
    public func holder(of jabatan: UUID, on date: CivilDate) -> Assignment? {
        let current = (snapshot.assignmentsByJabatan[jabatan] ?? []).filter { $0.period.contains(date) }
        return earliest(current.filter { $0.kind == .plh })
            ?? earliest(current.filter { $0.kind == .definitif })
            ?? earliest(current.filter { $0.kind == .plt })
    }

    private func earliest(_ assignments: [Assignment]) -> Assignment? {
        assignments.min { ($0.period.from, $0.id.uuidString) < ($1.period.from, $1.id.uuidString) }
    }
}
