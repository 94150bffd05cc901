/// A run-time parameter set for one transaction (`set_config(name, value, true)`), such as
/// `app.tenant_id` for row-level security or `synchronous_commit`.
public struct PostgresSetting: Sendable, Equatable {
    /// The parameter, e.g. `app.tenant_id`.
    public var name: String
    /// Its value as text.
    public var value: String

    /// `name` set to `value`.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
