import Foundation
import Kinerja
import PDF

/// The curve `KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA ORGANISASI …`
/// (documents.md §5, [V S1, C3]): one smooth curve over the five predikat, its peak following
/// the organisation's achievement (SE MenPANRB 3/2023: towards Sangat Baik for Istimewa, at the
/// matching category otherwise).
struct DistributionCurve {
    /// The organisation's achievement.
    let capaian: CapaianKinerjaOrganisasi
    /// Width of the content frame the drawing fills.
    let width: Double

    /// The x-axis ticks, worst first.
    static let ticks = ["Sangat Kurang", "Kurang/ Misconduct", "Butuh Perbaikan", "Baik", "Sangat Baik"]

    /// Where the curve peaks, as a tick index (fractional: Istimewa leans past Baik).
    var peak: Double {
        switch capaian {
        case .istimewa: 3.6
        case .baik: 3
        case .butuhPerbaikan: 2
        case .kurang: 1
        case .sangatKurang: 0
        }
    }

    /// The drawing.
    var drawing: PDFDrawing {
        let height = 150.0
        let left = 40.0, bottom = 34.0, top = height - 24, right = width - 10
        let step = (right - left) / Double(Self.ticks.count)
        func x(_ tick: Double) -> Double { left + step * (tick + 0.5) }
        var elements: [PDFDrawing.Element] = [
            .text("KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA ORGANISASI "
                  + capaian.label.uppercased(), x: width / 2, y: height - 10, font: .helveticaBold, size: 8.5,
                  alignment: .center),
            .path([.move(x: left, y: top), .line(x: left, y: bottom), .line(x: right, y: bottom)], lineWidth: 0.75),
            .text("Frekuensi Pegawai", x: left - 8, y: (bottom + top) / 2, size: 7.5, alignment: .center, vertical: true),
            .text("Predikat Kinerja Pegawai", x: (left + right) / 2, y: 2, size: 7.5, alignment: .center),
        ]
        for (index, label) in Self.ticks.enumerated() {
            let tickX = x(Double(index))
            elements.append(.path([.move(x: tickX, y: bottom), .line(x: tickX, y: bottom - 3)], lineWidth: 0.5))
            elements.append(.text(label, x: tickX, y: bottom - 13, size: 7.5, alignment: .center))
        }
        // A bell over the ticks, sampled and joined by Catmull–Rom segments turned into cubic
        // Béziers, so the path is one smooth `m … c … S`.
        let samples = stride(from: -0.5, through: Double(Self.ticks.count) - 0.5, by: 0.25).map { tick in
            (x(tick), bottom + 4 + (top - bottom - 8) * exp(-pow(tick - peak, 2) / 1.3))
        }
        var segments: [PDFDrawing.Segment] = [.move(x: samples[0].0, y: samples[0].1)]
        for index in 0..<(samples.count - 1) {
            let p0 = samples[max(index - 1, 0)], p1 = samples[index]
            let p2 = samples[index + 1], p3 = samples[min(index + 2, samples.count - 1)]
            segments.append(.curve(c1x: p1.0 + (p2.0 - p0.0) / 6, c1y: p1.1 + (p2.1 - p0.1) / 6,
                                   c2x: p2.0 - (p3.0 - p1.0) / 6, c2y: p2.1 - (p3.1 - p1.1) / 6, x: p2.0, y: p2.1))
        }
        elements.append(.path(segments, lineWidth: 1.25))
        return PDFDrawing(height: height, elements: elements)
    }
}
