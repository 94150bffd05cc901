/// The bind values of a query in PostgreSQL's text format, packed into one buffer so sending
/// them costs no allocation per value.
public struct PostgresBindings: Sendable {
    /// Every value's text followed by a NUL byte, back to back.
    var bytes: [UInt8] = []
    /// Where each value starts in `bytes`, or -1 for NULL.
    var offsets: [Int32] = []
    /// The type OID of each value.
    var types: [UInt32] = []
    /// The 1-based position of the first value whose text holds a NUL byte. Text binds travel as
    /// C strings, so such a value would be cut short silently; the query refuses to run instead.
    var firstValueWithNUL: Int?

    /// No binds.
    public init() {}

    init(capacity: Int) {
        offsets.reserveCapacity(capacity)
        types.reserveCapacity(capacity)
    }

    /// The number of values.
    public var count: Int { offsets.count }

    /// Appends one value (NULL when `value.isPostgresNull`).
    public mutating func append<Value: PostgresEncodable>(_ value: Value) {
        types.append(Value.postgresDataType.rawValue)
        if value.isPostgresNull {
            offsets.append(-1)
            return
        }
        let start = bytes.count
        offsets.append(Int32(start))
        value.encodePostgresText(into: &bytes)
        if firstValueWithNUL == nil, bytes[start...].contains(0) { firstValueWithNUL = offsets.count }
        bytes.append(0)
    }

    /// Calls `body` with the C arrays `PQexecPrepared` wants: value pointers (NULL for SQL NULL)
    /// and type OIDs. The pointers are valid only inside `body`.
    func withCArrays<R>(_ body: (UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<UInt32>?) throws -> R) rethrows -> R {
        if offsets.isEmpty { return try body(nil, nil) }
        return try bytes.withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { chars in
                let base = chars.baseAddress
                var pointers = [UnsafePointer<CChar>?]()
                pointers.reserveCapacity(offsets.count)
                for offset in offsets {
                    if offset < 0 || base == nil {
                        pointers.append(nil)
                    } else {
                        pointers.append(UnsafePointer(base.map { $0 + Int(offset) }))
                    }
                }
                return try pointers.withUnsafeBufferPointer { values in
                    try types.withUnsafeBufferPointer { oids in
                        try body(values.baseAddress, oids.baseAddress)
                    }
                }
            }
        }
    }
}
