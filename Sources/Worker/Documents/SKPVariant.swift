/// Which of the national SKP forms a document follows: it decides the title lines and the
/// columns of the results table (documents.md §1–§2, §4).
public struct SKPVariant: Sendable, Hashable {
    /// How results are planned.
    public enum Approach: Sendable, Hashable {
        /// `PENDEKATAN HASIL KERJA KUANTITATIF`: one row per IKI aspect with its target.
        case kuantitatif
        /// `PENDEKATAN HASIL KERJA KUALITATIF`: IKI and targets listed inside the RHK cell.
        case kualitatif
    }

    /// Who the form is for.
    public enum Group: Sendable, Hashable {
        /// `BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL`.
        case administrasiDanFungsional
        /// `BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI`.
        case pimpinanTinggi
    }

    /// The approach.
    public var approach: Approach
    /// The group.
    public var group: Group

    /// A variant; the default is the common JA/JF quantitative form.
    public init(approach: Approach = .kuantitatif, group: Group = .administrasiDanFungsional) {
        self.approach = approach
        self.group = group
    }

    /// Title lines 2 and 3 (documents.md §1, §2).
    var subtitleLines: [String] {
        [approach == .kuantitatif ? "PENDEKATAN HASIL KERJA KUANTITATIF" : "PENDEKATAN HASIL KERJA KUALITATIF",
         group == .administrasiDanFungsional ? "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL"
             : "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI"]
    }
}
