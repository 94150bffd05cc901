/// A PostgreSQL type OID, as sent with binds and reported for result columns.
public struct PostgresDataType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The OID from `pg_type`.
    public let rawValue: UInt32

    /// Wraps an OID.
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Lets the server infer the type from the statement.
    public static let unspecified = PostgresDataType(rawValue: 0)
    /// `bool`.
    public static let bool = PostgresDataType(rawValue: 16)
    /// `bytea`.
    public static let bytea = PostgresDataType(rawValue: 17)
    /// `name`.
    public static let name = PostgresDataType(rawValue: 19)
    /// `int8`.
    public static let int8 = PostgresDataType(rawValue: 20)
    /// `int2`.
    public static let int2 = PostgresDataType(rawValue: 21)
    /// `int4`.
    public static let int4 = PostgresDataType(rawValue: 23)
    /// `text`.
    public static let text = PostgresDataType(rawValue: 25)
    /// `oid`.
    public static let oid = PostgresDataType(rawValue: 26)
    /// `json`.
    public static let json = PostgresDataType(rawValue: 114)
    /// `float4`.
    public static let float4 = PostgresDataType(rawValue: 700)
    /// `float8`.
    public static let float8 = PostgresDataType(rawValue: 701)
    /// `unknown`, the type of an untyped literal.
    public static let unknown = PostgresDataType(rawValue: 705)
    /// `bpchar` (`char(n)`).
    public static let bpchar = PostgresDataType(rawValue: 1042)
    /// `varchar`.
    public static let varchar = PostgresDataType(rawValue: 1043)
    /// `date`.
    public static let date = PostgresDataType(rawValue: 1082)
    /// `timestamp` (without time zone).
    public static let timestamp = PostgresDataType(rawValue: 1114)
    /// `timestamptz`.
    public static let timestamptz = PostgresDataType(rawValue: 1184)
    /// `numeric`.
    public static let numeric = PostgresDataType(rawValue: 1700)
    /// `uuid`.
    public static let uuid = PostgresDataType(rawValue: 2950)
    /// `jsonb`.
    public static let jsonb = PostgresDataType(rawValue: 3802)
    /// `text[]`.
    public static let textArray = PostgresDataType(rawValue: 1009)
    /// `varchar[]`.
    public static let varcharArray = PostgresDataType(rawValue: 1015)
    /// `int4[]`.
    public static let int4Array = PostgresDataType(rawValue: 1007)
    /// `int8[]`.
    public static let int8Array = PostgresDataType(rawValue: 1016)
    /// `uuid[]`.
    public static let uuidArray = PostgresDataType(rawValue: 2951)
    /// `void`, what functions such as `pg_notify` return.
    public static let void = PostgresDataType(rawValue: 2278)

    /// The `pg_type` name for the common types, else `oid N`; used in decoding errors.
    public var description: String {
        switch self {
        case .bool: "bool"
        case .bytea: "bytea"
        case .name: "name"
        case .int8: "int8"
        case .int2: "int2"
        case .int4: "int4"
        case .text: "text"
        case .oid: "oid"
        case .json: "json"
        case .float4: "float4"
        case .float8: "float8"
        case .unknown: "unknown"
        case .bpchar: "bpchar"
        case .varchar: "varchar"
        case .date: "date"
        case .timestamp: "timestamp"
        case .timestamptz: "timestamptz"
        case .numeric: "numeric"
        case .uuid: "uuid"
        case .jsonb: "jsonb"
        case .textArray: "text[]"
        case .varcharArray: "varchar[]"
        case .int4Array: "int4[]"
        case .int8Array: "int8[]"
        case .uuidArray: "uuid[]"
        case .void: "void"
        default: "oid \(rawValue)"
        }
    }
}
