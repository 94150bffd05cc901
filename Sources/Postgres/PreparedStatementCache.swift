/// Which statements a connection has prepared, keyed by SQL text and parameter types, bounded by
/// evicting the least recently used. Pure bookkeeping: the connection does the I/O.
struct PreparedStatementCache {
    struct Entry {
        let name: String
        let types: [UInt32]
        var lastUse: UInt64
    }

    let capacity: Int
    private(set) var entries: [String: Entry] = [:]
    private var tick: UInt64 = 0
    /// Never reused on one connection, so a re-prepare cannot collide with a statement the server
    /// still holds under an old name.
    private var nextNumber = 1

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    var count: Int { entries.count }

    /// The statement name for `sql` prepared with `types`, marking it used.
    mutating func lookup(_ sql: String, types: [UInt32]) -> String? {
        guard var entry = entries[sql], entry.types == types else { return nil }
        tick += 1
        entry.lastUse = tick
        entries[sql] = entry
        return entry.name
    }

    /// A fresh name for `sql`; `evicted` is the statement to DEALLOCATE to stay within capacity
    /// (or the old statement for the same SQL with other parameter types).
    mutating func insert(_ sql: String, types: [UInt32]) -> (name: String, evicted: [String]) {
        var evicted = [String]()
        if let old = entries.removeValue(forKey: sql) { evicted.append(old.name) }
        if entries.count >= capacity, let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse }) {
            entries.removeValue(forKey: oldest.key)
            evicted.append(oldest.value.name)
        }
        let name = "kinerja_s\(nextNumber)"
        nextNumber += 1
        tick += 1
        entries[sql] = Entry(name: name, types: types, lastUse: tick)
        return (name, evicted)
    }

    /// Forgets one statement (its prepare failed or the server lost it).
    mutating func remove(_ sql: String) {
        entries.removeValue(forKey: sql)
    }

    /// Forgets everything: after a reconnect, or when the server says a statement is gone (a
    /// `DISCARD ALL` drops them all).
    mutating func removeAll() {
        entries.removeAll()
    }
}
