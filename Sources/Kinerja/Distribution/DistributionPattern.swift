/// The distribution pattern of employee predikat by the organisation's achievement (SE MenPANRB 3/2023).
public enum DistributionPattern {
    /// The rules that apply when the organisation's achievement is `capaian`.
    public static func rules(for capaian: CapaianKinerjaOrganisasi) -> [DistributionRule] {
        switch capaian {
        case .istimewa:
            [DistributionRule(capaian: capaian, predikat: [.sangatBaik], bound: .atMost, percent: 70)]
        case .baik:
            [DistributionRule(capaian: capaian, predikat: [.baik], bound: .atMost, percent: 70),
             DistributionRule(capaian: capaian, predikat: [.butuhPerbaikan, .kurang], bound: .atLeast, people: 1)]
        case .butuhPerbaikan:
            [DistributionRule(capaian: capaian, predikat: [.butuhPerbaikan], bound: .atLeast, percent: 60),
             DistributionRule(capaian: capaian, predikat: [.sangatBaik], bound: .atMost, percent: 10)]
        case .kurang:
            [DistributionRule(capaian: capaian, predikat: [.kurang], bound: .atLeast, percent: 60),
             DistributionRule(capaian: capaian, predikat: [.butuhPerbaikan], bound: .atLeast, percent: 10),
             DistributionRule(capaian: capaian, predikat: [.sangatBaik], bound: .atMost, percent: 10)]
        case .sangatKurang:
            [DistributionRule(capaian: capaian, predikat: [.sangatKurang], bound: .atLeast, percent: 60),
             DistributionRule(capaian: capaian, predikat: [.kurang, .butuhPerbaikan], bound: .atLeast, percent: 10),
             DistributionRule(capaian: capaian, predikat: [.sangatBaik], bound: .atMost, people: 0)]
        }
    }
}
