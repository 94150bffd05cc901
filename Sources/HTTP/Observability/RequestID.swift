/// Request ids for `X-Request-Id`: the client's when well-formed, else 16 random bytes in hex.
/// Each thread owns one generator (a value type), so generating takes no lock and no syscall.
struct RequestIDGenerator {
    private var state: UInt64

    init() {
        var system = SystemRandomNumberGenerator()
        state = system.next()
    }

    /// A well-formed client id (1 to 64 of `A-Z a-z 0-9 . _ -`) or a new one.
    mutating func resolve(_ offered: String?) -> String {
        if let offered, Self.isWellFormed(offered) { return offered }
        return make()
    }

    /// 32 lowercase hex digits.
    mutating func make() -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        let high = nextWord(), low = nextWord()
        return String(unsafeUninitializedCapacity: 32) { buffer in
            for i in 0..<16 {
                buffer[i] = digits[Int(high >> UInt64(60 - 4 * i) & 0xF)]
                buffer[16 + i] = digits[Int(low >> UInt64(60 - 4 * i) & 0xF)]
            }
            return 32
        }
    }

    /// splitmix64: fast and well distributed; ids need uniqueness, not secrecy.
    private mutating func nextWord() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static func isWellFormed(_ id: String) -> Bool {
        let bytes = id.utf8
        guard (1...64).contains(bytes.count) else { return false }
        return bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
                true
            default:
                false
            }
        }
    }
}
