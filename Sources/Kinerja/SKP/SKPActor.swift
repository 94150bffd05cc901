/// The part a person plays towards one SKP, which decides the actions open to them.
public enum SKPActor: String, Sendable, Codable, CaseIterable, Hashable {
    /// The employee whose SKP it is.
    case employee
    /// The pejabat penilai kinerja recorded on the SKP.
    case evaluator
    /// The pengelola kinerja of the employee's perangkat daerah.
    case pengelola
    /// The atasan pejabat penilai: settles disputes (Perbup Pasuruan 117/2019 Pasal 6 ayat (9)).
    case superior
    /// Anyone else.
    case other
}
