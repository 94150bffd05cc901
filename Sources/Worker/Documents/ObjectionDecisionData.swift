import Kinerja

/// Everything the keberatan and its decision print (documents.md §6, after the rows of the
/// PermenPANRB 8/2021 Dokumen). Independent of storage.
public struct ObjectionDecisionData: Sendable, Hashable {
    /// Instansi, verification code and moment of issue.
    public var issue: DocumentIssue
    /// The period of the evaluation objected to.
    public var period: DocumentPeriod
    /// `PEGAWAI YANG DINILAI`, who objects.
    public var pegawai: PegawaiIdentity
    /// `PEJABAT PENILAI KINERJA`.
    public var pejabatPenilai: PegawaiIdentity
    /// `ATASAN PEJABAT PENILAI KINERJA`, who decides.
    public var atasanPejabatPenilai: PegawaiIdentity
    /// The organisation's achievement in the evaluation objected to.
    public var capaianKinerjaOrganisasi: CapaianKinerjaOrganisasi
    /// The predikat objected to.
    public var predikatSemula: Predikat
    /// The verification code of the evaluation document objected to, when it was issued here.
    public var evaluationReference: String?
    /// When the employee received the evaluation document (the filing window starts the day after).
    public var evaluationReceivedOn: CivilDate
    /// The employee's reasons, printed verbatim.
    public var keberatan: String
    /// When the keberatan was filed.
    public var filedOn: CivilDate
    /// The evaluator's explanation, when given.
    public var penjelasanPejabatPenilai: String?
    /// When the evaluator explained.
    public var explainedOn: CivilDate?
    /// The superior's decision.
    public var decision: ObjectionDecision
    /// When the superior decided.
    public var decidedOn: CivilDate
    /// Place of signing.
    public var place: String
    /// The deadlines under the tenant's rules, printed below the signatures, e.g. Tanah Laut's
    /// `ObjectionDecisionData.tanahLautDeadlines`; nil prints none.
    public var deadlineNote: String?

    /// A decided keberatan.
    public init(issue: DocumentIssue, period: DocumentPeriod, pegawai: PegawaiIdentity, pejabatPenilai: PegawaiIdentity,
                atasanPejabatPenilai: PegawaiIdentity, capaianKinerjaOrganisasi: CapaianKinerjaOrganisasi,
                predikatSemula: Predikat, evaluationReference: String? = nil, evaluationReceivedOn: CivilDate,
                keberatan: String, filedOn: CivilDate, penjelasanPejabatPenilai: String? = nil,
                explainedOn: CivilDate? = nil, decision: ObjectionDecision, decidedOn: CivilDate, place: String,
                deadlineNote: String? = nil) {
        self.issue = issue
        self.period = period
        self.pegawai = pegawai
        self.pejabatPenilai = pejabatPenilai
        self.atasanPejabatPenilai = atasanPejabatPenilai
        self.capaianKinerjaOrganisasi = capaianKinerjaOrganisasi
        self.predikatSemula = predikatSemula
        self.evaluationReference = evaluationReference
        self.evaluationReceivedOn = evaluationReceivedOn
        self.keberatan = keberatan
        self.filedOn = filedOn
        self.penjelasanPejabatPenilai = penjelasanPejabatPenilai
        self.explainedOn = explainedOn
        self.decision = decision
        self.decidedOn = decidedOn
        self.place = place
        self.deadlineNote = deadlineNote
    }

    /// Perbup Tanah Laut 2024 Pasal 35 huruf a and e: 14 working days to object, 7 to decide.
    public static let tanahLautDeadlines = "Keberatan diajukan paling lama 14 (empat belas) hari kerja sejak dokumen "
        + "evaluasi kinerja diterima dan diputuskan paling lama 7 (tujuh) hari kerja sejak keberatan diterima "
        + "(Perbup Tanah Laut 2024 Pasal 35 huruf a dan huruf e)."

    /// The predikat after the decision.
    public var predikatAkhir: Predikat {
        switch decision {
        case .menguatkan: predikatSemula
        case .mengubah(let predikat, _): predikat
        }
    }
}
