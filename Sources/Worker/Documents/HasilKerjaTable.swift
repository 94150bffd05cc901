import PDF

/// The `HASIL KERJA` table of the SKP (documents.md §1, §2) and of the evaluation (§4), which adds
/// `REALISASI BERDASARKAN BUKTI DUKUNG` and `UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG`.
///
/// The PDF writer cannot span a cell over rows, so the NO, RHK and feedback cells print on the
/// first row of their RHK and stay empty on the rows of its further indicators.
struct HasilKerjaTable {
    let variant: SKPVariant
    /// Whether the realisation and feedback columns are printed.
    let evaluated: Bool

    /// One column: its title, width and what each row shows.
    private struct Column {
        let title: String
        let width: PDFTable.Column
        let alignment: PDFAlignment
        /// The text for an RHK and one of its indicators (nil when it has none); `first` is
        /// whether this is the RHK's first row.
        let text: (_ number: Int, _ rhk: RencanaHasilKerja, _ iki: IndikatorKinerjaIndividu?, _ first: Bool) -> String
    }

    private var columns: [Column] {
        let number = Column(title: "NO", width: .fixed(DocumentLayout.numberWidth), alignment: .center) { n, _, _, first in
            first ? "\(n)" : ""
        }
        let pimpinan = Column(title: "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI", width: .flexible(3), alignment: .left) {
            _, rhk, _, first in first ? rhk.rhkPimpinan ?? "-" : ""
        }
        let rhk = Column(title: "RENCANA HASIL KERJA", width: .flexible(3), alignment: .left) { _, rhk, _, first in
            first ? rhk.rhk : ""
        }
        let aspek = Column(title: "ASPEK", width: .fixed(56), alignment: .left) { _, _, iki, _ in iki?.aspek?.label ?? "" }
        let indikator = Column(title: "INDIKATOR KINERJA INDIVIDU", width: .flexible(3), alignment: .left) { _, _, iki, _ in
            iki?.indikator ?? "-"
        }
        let target = Column(title: "TARGET", width: .flexible(1.5), alignment: .left) { _, _, iki, _ in iki?.target ?? "-" }
        let perspektif = Column(title: "PERSPEKTIF", width: .flexible(1.5), alignment: .left) { _, _, iki, _ in
            iki?.perspektif ?? "-"
        }
        // Kualitatif: the IKI and targets are listed inside the RHK cell (documents.md §1,
        // "Kualitatif"), one row per RHK.
        let rhkWithIndicators = Column(title: "RENCANA HASIL KERJA", width: .flexible(5), alignment: .left) { _, rhk, _, _ in
            let lines = rhk.indikator.map { "- \($0.indikator): \($0.target)" }
            return ([rhk.rhk, "", "Ukuran keberhasilan/ Indikator Kinerja Individu, dan Target:"] + lines)
                .joined(separator: "\n")
        }
        let realisasi = Column(title: "REALISASI BERDASARKAN BUKTI DUKUNG", width: .flexible(2.5), alignment: .left) {
            _, rhk, iki, _ in
            if variant.approach == .kualitatif {
                return rhk.indikator.map { "- " + ($0.realisasi ?? "-") }.joined(separator: "\n")
            }
            return iki?.realisasi ?? "-"
        }
        let umpanBalik = Column(title: "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG", width: .flexible(2.5),
                                alignment: .left) { _, rhk, _, first in first ? rhk.umpanBalik ?? "-" : "" }

        var result: [Column]
        switch (variant.group, variant.approach) {
        case (.pimpinanTinggi, _):
            // documents.md §2: NO | RHK | IKI | TARGET | PERSPEKTIF.
            result = [number, rhk, indikator, target, perspektif]
        case (.administrasiDanFungsional, .kuantitatif):
            result = [number, pimpinan, rhk, aspek, indikator, target]
        case (.administrasiDanFungsional, .kualitatif):
            result = [number, pimpinan, rhkWithIndicators]
        }
        if evaluated { result += [realisasi, umpanBalik] }
        return result
    }

    /// Whether each indicator gets a row of its own.
    private var rowPerIndicator: Bool { variant.approach == .kuantitatif || variant.group == .pimpinanTinggi }

    /// The table with `A. UTAMA` and `B. TAMBAHAN`.
    func table(utama: [RencanaHasilKerja], tambahan: [RencanaHasilKerja]) -> PDFTable {
        let columns = self.columns
        let count = columns.count
        let header = [
            PDFTableRow.section("HASIL KERJA", columnCount: count),
            PDFTableRow(columns.map { PDFTableCell($0.title, bold: true, alignment: .center) }),
            PDFTableRow(columns.indices.map { PDFTableCell("(\($0 + 1))", bold: true, alignment: .center) }),
        ]
        var rows: [PDFTableRow] = []
        for (title, items) in [("A. UTAMA", utama), ("B. TAMBAHAN", tambahan)] {
            rows.append(.section(title, columnCount: count))
            if items.isEmpty {
                rows.append(PDFTableRow([PDFTableCell("-", alignment: .center), PDFTableCell("-", span: count - 1)]))
            }
            for (index, rhk) in items.enumerated() {
                let indicators: [IndikatorKinerjaIndividu?] = rowPerIndicator && !rhk.indikator.isEmpty
                    ? rhk.indikator.map { $0 } : [nil]
                for (row, iki) in indicators.enumerated() {
                    rows.append(PDFTableRow(columns.map { column in
                        PDFTableCell(column.text(index + 1, rhk, iki, row == 0), alignment: column.alignment)
                    }))
                }
            }
        }
        return PDFTable(columns: columns.map(\.width), header: header, rows: rows, fontSize: DocumentLayout.tableSize)
    }
}
