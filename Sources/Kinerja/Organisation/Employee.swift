import Foundation

/// A civil servant (pegawai ASN) of the tenant.
public struct Employee: Sendable, Equatable, Codable {
    /// Its id.
    public var id: UUID
    /// The NIP, as 18 digits (natural key of imports).
    public var nip: NIP
    /// Full name with titles, as in the personnel record.
    public var name: String
    /// PNS, PPPK or CPNS.
    public var type: EmployeeType
    /// Employment status.
    public var status: EmployeeStatus
    /// A functional official whose performance is managed by the instansi pembina, and so exempt
    /// here (Perbup Karawang 28/2024).
    public var managedByInstansiPembina: Bool
    /// E-mail for notifications, when known.
    public var email: String?

    /// Creates a value.
    public init(id: UUID, nip: NIP, name: String, type: EmployeeType, status: EmployeeStatus,
                managedByInstansiPembina: Bool = false, email: String? = nil) {
        self.id = id
        self.nip = nip
        self.name = name
        self.type = type
        self.status = status
        self.managedByInstansiPembina = managedByInstansiPembina
        self.email = email
    }
}
