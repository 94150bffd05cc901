import Testing
@testable import Kinerja

@Suite("Predikat quadrant")
struct PredikatQuadrantTests {
    @Test("all nine cells", arguments: [
        (Rating.diAtasEkspektasi, Rating.diBawahEkspektasi, Predikat.kurang),
        (.diAtasEkspektasi, .sesuaiEkspektasi, .baik),
        (.diAtasEkspektasi, .diAtasEkspektasi, .sangatBaik),
        (.sesuaiEkspektasi, .diBawahEkspektasi, .kurang),
        (.sesuaiEkspektasi, .sesuaiEkspektasi, .baik),
        (.sesuaiEkspektasi, .diAtasEkspektasi, .baik),
        (.diBawahEkspektasi, .diBawahEkspektasi, .sangatKurang),
        (.diBawahEkspektasi, .sesuaiEkspektasi, .butuhPerbaikan),
        (.diBawahEkspektasi, .diAtasEkspektasi, .butuhPerbaikan),
    ])
    func cell(hasilKerja: Rating, perilakuKerja: Rating, expected: Predikat) {
        let result = PredikatQuadrant.evaluate(hasilKerja: hasilKerja, perilakuKerja: perilakuKerja)
        #expect(result.value == expected)
        #expect(result.explanation.steps.count == 2)
        #expect(result.explanation.steps[1].basis?.regulation == "PermenPANRB 6/2022")
        #expect(result.explanation.steps[1].text.hasSuffix("menghasilkan predikat \(expected.label)."))
    }
}
