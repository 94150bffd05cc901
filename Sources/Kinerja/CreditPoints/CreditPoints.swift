import Foundation

/// Credit points (angka kredit) of a functional official from a predikat (PermenPANRB 1/2023):
/// angka kredit = share of the predikat × yearly coefficient × months / 12.
public enum CreditPoints {
    /// Why credit points cannot be computed.
    public enum Failure: Error, Sendable, Equatable {
        /// Months must be 1–12.
        case monthsOutOfRange(Int)
    }

    /// The outcome with the numbers used.
    public struct Result: Sendable, Equatable, Codable {
        /// The predikat.
        public var predikat: Predikat
        /// The functional level.
        public var jenjang: JenjangFungsional
        /// Months counted.
        public var months: Int
        /// The predikat's share, percent.
        public var percentage: Decimal
        /// The yearly coefficient.
        public var koefisienTahunan: Decimal
        /// The credit points, rounded to `decimalPlaces`.
        public var angkaKredit: Decimal
    }

    /// Decimal places kept: three, as BKN's conversion tables print them; rounded half up.
    public static let decimalPlaces = 3

    /// The share of the yearly coefficient a predikat earns, percent.
    public static func percentage(of predikat: Predikat) -> Decimal {
        switch predikat {
        case .sangatBaik: 150
        case .baik: 100
        case .butuhPerbaikan: 75
        case .kurang: 50
        case .sangatKurang: 25
        }
    }

    /// Computes the credit points for `months` months at `predikat` in `jenjang`.
    public static func compute(predikat: Predikat, jenjang: JenjangFungsional,
                               months: Int) throws(Failure) -> Explained<Result> {
        guard (1...12).contains(months) else { throw .monthsOutOfRange(months) }
        let percentage = percentage(of: predikat)
        let koefisien = jenjang.koefisienTahunan
        let exact = percentage / 100 * koefisien * Decimal(months) / 12
        let value = exact.rounded(scale: decimalPlaces, mode: .plain)
        var explanation = Explanation()
        explanation.add("Predikat \(predikat.label) memberi \(percentage)% dari koefisien tahunan.",
                        [.init("persentase", percentage)], basis: .permenPANRB1of2023)
        explanation.add("Koefisien tahunan jenjang \(jenjang.rawValue) = \(koefisien).",
                        [.init("koefisien", koefisien)], basis: .permenPANRB1of2023)
        explanation.add("Angka kredit = \(percentage)% × \(koefisien) × \(months)/12 = \(exact), dibulatkan "
                        + "\(decimalPlaces) desimal (setengah ke atas).",
                        [.init("bulan", months), .init("sebelumPembulatan", exact), .init("angkaKredit", value)],
                        basis: .permenPANRB1of2023)
        return Explained(Result(predikat: predikat, jenjang: jenjang, months: months, percentage: percentage,
                                koefisienTahunan: koefisien, angkaKredit: value), explanation)
    }
}
