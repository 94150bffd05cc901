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

extension PostgresSetting {
    /// Prepared statements keep one generic plan per connection (`plan_cache_mode`). Under the
    /// default (`auto`), a statement whose generic plan looks dearer than its custom ones — a
    /// join over an array parameter, a LATERAL post lookup — is planned afresh on every call, and
    /// planning can cost many times the execution: the worker's three-party lookup spent 9.9 s
    /// planning and 1.2 s executing over a season's 14,880 documents (scripts/bench/drain,
    /// STATEMENTS=1). For reads by key of tables that do not grow under the transaction's feet.
    public static let genericPlans = PostgresSetting("plan_cache_mode", "force_generic_plan")

    /// Every statement planned with its parameters' values (`plan_cache_mode`): for a table that
    /// grows from nothing within minutes, where a generic plan made while it was small would keep
    /// scanning it whole until autovacuum analyses it (`DocumentStore.issue`).
    public static let customPlans = PostgresSetting("plan_cache_mode", "force_custom_plan")
}
