import Foundation

/// One person as the cycle's documents and messages name them: from `employees` and their post
/// on a given day.
public struct PartyRecord: Sendable, Equatable {
    /// The employee.
    public var id: UUID
    /// Full name with titles.
    public var name: String
    /// 18 digits.
    public var nip: String
    /// The post on the day asked about, `Plt. …` or `Plh. …` for an acting official; nil without one.
    public var jabatan: String?
    /// The unit kerja of that post.
    public var unitKerja: String?
    /// The perangkat daerah of that post.
    public var perangkatDaerah: String?

    /// A party.
    public init(id: UUID, name: String, nip: String, jabatan: String?, unitKerja: String?, perangkatDaerah: String?) {
        self.id = id
        self.name = name
        self.nip = nip
        self.jabatan = jabatan
        self.unitKerja = unitKerja
        self.perangkatDaerah = perangkatDaerah
    }
}
