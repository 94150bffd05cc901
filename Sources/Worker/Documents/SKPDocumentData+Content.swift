import Foundation
import Kinerja

extension SKPDocumentData {
    /// The printed SKP of the domain's `SKPContent`, as the performance cycle stores it.
    /// `superiorRHK` gives the text of each superior RHK the content links to by id
    /// (`RHKLink.superiorRHK`); the approach follows the IKI (kualitatif when any is).
    public init(issue: DocumentIssue, period: DocumentPeriod, group: SKPVariant.Group = .administrasiDanFungsional,
                pegawai: PegawaiIdentity, pejabatPenilai: PegawaiIdentity, content: SKPContent,
                superiorRHK: [UUID: String], signing: DocumentSigning) {
        func printed(_ kind: RHK.Kind) -> [RencanaHasilKerja] {
            content.rhk.filter { $0.kind == kind }.map { rhk in
                let superior: String? = if case .superiorRHK(let id) = rhk.serves { superiorRHK[id] } else { nil }
                return RencanaHasilKerja(rhk, rhkPimpinan: superior)
            }
        }
        let kualitatif = content.rhk.flatMap(\.iki).contains { $0.approach == .kualitatif }
        self.init(issue: issue, period: period, variant: SKPVariant(approach: kualitatif ? .kualitatif : .kuantitatif, group: group),
                  pegawai: pegawai, pejabatPenilai: pejabatPenilai,
                  hasilKerjaUtama: printed(.utama), hasilKerjaTambahan: printed(.tambahan),
                  perilakuKerja: PerilakuKerjaItem.items(content.perilaku),
                  lampiran: SKPLampiranText(content.lampiran), signing: signing)
    }
}
