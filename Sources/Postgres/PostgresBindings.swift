/// The bind values of a query, packed into one buffer so sending them costs no allocation per
/// value: PostgreSQL's text format, except `bytea` (`[UInt8]`), which goes in binary as it is.
/// A document's 28 KB in hex were twice the bytes on the wire, and encoding and decoding them
/// was 3.4% of the machine while a season's documents were issued (perf, scripts/bench/drain).
public struct PostgresBindings: Sendable {
    /// Every text value followed by a NUL byte and every binary value as it is, back to back.
    var bytes: [UInt8] = []
    /// Where each value starts in `bytes`, or -1 for NULL.
    var offsets: [Int32] = []
    /// The type OID of each value.
    var types: [UInt32] = []
    /// The length of each value that is binary, 0 for the others.
    var lengths: [Int32] = []
    /// Each value's format: 1 binary, 0 text.
    var formats: [Int32] = []
    /// The 1-based position of the first value whose text holds a NUL byte. Text binds travel as
    /// C strings, so such a value would be cut short silently; the query refuses to run instead.
    var firstValueWithNUL: Int?

    /// No binds.
    public init() {}

    init(capacity: Int) {
        offsets.reserveCapacity(capacity)
        types.reserveCapacity(capacity)
        formats.reserveCapacity(capacity)
        lengths.reserveCapacity(capacity)
    }

    /// The number of values.
    public var count: Int { offsets.count }

    /// Appends one value (NULL when `value.isPostgresNull`).
    public mutating func append<Value: PostgresEncodable>(_ value: Value) {
        types.append(Value.postgresDataType.rawValue)
        if value.isPostgresNull {
            appendOffset(-1, binaryLength: nil)
            return
        }
        let start = bytes.count
        // The type, not the value, is tested; reinterpreting then costs nothing (PostgresEncodable).
        if Value.self == [UInt8].self {
            let raw = unsafeBitCast(value, to: [UInt8].self)
            bytes.append(contentsOf: raw)
            bytes.append(0)  // not sent (the length says where it ends); the buffer is never empty
            appendOffset(Int32(start), binaryLength: raw.count)
            return
        }
        value.encodePostgresText(into: &bytes)
        appendOffset(Int32(start), binaryLength: nil)
        if firstValueWithNUL == nil, bytes[start...].contains(0) { firstValueWithNUL = offsets.count }
        bytes.append(0)
    }

    /// Records where the value just written starts, and its length if it is binary.
    private mutating func appendOffset(_ offset: Int32, binaryLength: Int?) {
        offsets.append(offset)
        formats.append(binaryLength == nil ? 0 : 1)
        lengths.append(Int32(binaryLength ?? 0))
    }

    /// The C arrays `PQexecPrepared` wants, valid only inside the `withCArrays` body that got them.
    struct CArrays {
        /// A pointer to each value (NULL for SQL NULL).
        var values: UnsafePointer<UnsafePointer<CChar>?>?
        /// The type OID of each value.
        var types: UnsafePointer<UInt32>?
        /// Each value's length, or nil when every value is text (libpq then reads C strings).
        var lengths: UnsafePointer<Int32>?
        /// Each value's format (0 text, 1 binary), or nil when every value is text.
        var formats: UnsafePointer<Int32>?
    }

    /// Calls `body` with the C arrays `PQexecPrepared` wants. The pointers are valid only inside `body`.
    func withCArrays<R>(_ body: (CArrays) throws -> R) rethrows -> R {
        if offsets.isEmpty { return try body(CArrays()) }
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
                        try lengths.withUnsafeBufferPointer { lengths in
                            try formats.withUnsafeBufferPointer { formats in
                                // Without a binary value libpq is told nothing of formats and takes all as text.
                                let binary = formats.contains(1)
                                return try body(CArrays(values: values.baseAddress, types: oids.baseAddress,
                                                        lengths: binary ? lengths.baseAddress : nil,
                                                        formats: binary ? formats.baseAddress : nil))
                            }
                        }
                    }
                }
            }
        }
    }
}
