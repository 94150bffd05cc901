import Foundation

/// A central (platform) admin as stored.
public struct CentralAdminRecord: Sendable, Equatable {
    public var id: UUID
    public var email: String
    public var name: String
    public var active: Bool
    public var mustChangePassword: Bool
}
