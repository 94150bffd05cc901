/// A distribution group's predikat so far against the pattern its organisation achievement sets
/// (SE MenPANRB 3/2023), for dashboards: which rules are broken and by how many people, before
/// or after finalising. Pure: counts come from the store.
public struct GroupDistribution: Sendable, Equatable, Encodable {
    /// The group's scope id (perangkat daerah, unit kerja or the tenant).
    public var groupID: String
    /// perangkat-daerah, unit-kerja or instansi.
    public var scope: String
    /// The organisation's achievement, when set.
    public var capaian: CapaianKinerjaOrganisasi?
    /// Whether the group is finalised.
    public var finalised: Bool
    /// People with a predikat (rated or final) by predikat, both models' values.
    public var counts: [String: Int]
    /// The check, in the quadrant model once the achievement is set; nil otherwise.
    public var check: DistributionCheck.Result?
    /// Why there is no check, when there is none.
    public var uncheckedReason: String?

    /// Checks `counts` (by stored predikat) against `capaian` with `settings` (nil in the weighted model).
    public init(groupID: String, scope: String, capaian: CapaianKinerjaOrganisasi?, finalised: Bool,
                counts: [ResultPredikat: Int], settings: RuleSet.Distribution?) {
        self.groupID = groupID
        self.scope = scope
        self.capaian = capaian
        self.finalised = finalised
        self.counts = Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) })
        guard let settings else {
            check = nil
            uncheckedReason = "Model penilaian ini tidak memakai pola distribusi (SE MenPANRB 3/2023 berlaku untuk model kuadran)."
            return
        }
        guard let capaian else {
            check = nil
            uncheckedReason = "Capaian kinerja organisasi belum ditetapkan (SE MenPANRB 3/2023 langkah pertama)."
            return
        }
        var quadrant = PredikatCounts()
        for (predikat, count) in counts { if let p = predikat.quadrant { quadrant[p] += count } }
        check = DistributionCheck.check(capaian: capaian, counts: quadrant, settings: settings).value
        uncheckedReason = nil
    }
}
