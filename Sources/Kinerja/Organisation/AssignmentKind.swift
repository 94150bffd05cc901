/// How an employee holds a jabatan.
public enum AssignmentKind: String, Sendable, Codable, CaseIterable, Hashable {
    /// The employee's own (definitive) post. At most one at a time per employee.
    case definitif
    /// Pelaksana Tugas: acting holder of a vacant post, next to the employee's own post.
    case plt
    /// Pelaksana Harian: acting holder while the holder is temporarily absent.
    case plh

    /// Whether this is an acting appointment (Plt/Plh), which may evaluate (domain.md).
    public var isActing: Bool { self != .definitif }

    /// How explanations name it.
    public var indonesianName: String {
        switch self {
        case .definitif: "definitif"
        case .plt: "Plt"
        case .plh: "Plh"
        }
    }
}
