@testable import HTTP

/// Feeds bytes to a `RequestParser` in a chosen chunking and records what it says.
enum ParserDriver {
    enum Event: Equatable, Sendable, CustomStringConvertible {
        case head(method: String, target: String, minor: Int, keepAlive: Bool)
        case sendContinue
        case complete(body: [UInt8])
        case failure(HTTPParseError)

        var description: String {
            switch self {
            case .head(let m, let t, let v, let k): "head(\(m) \(t) 1.\(v) keepAlive=\(k))"
            case .sendContinue: "100-continue"
            case .complete(let body): "complete(\(String(decoding: body, as: UTF8.self)))"
            case .failure(let e): "failure(\(e))"
            }
        }
    }

    enum Chunking: CaseIterable, CustomStringConvertible {
        case whole, byteAtATime, randomSplits
        var description: String {
            switch self {
            case .whole: "whole"
            case .byteAtATime: "byte-at-a-time"
            case .randomSplits: "random splits"
            }
        }
    }

    /// Deterministic split points, so a failure reproduces.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func chunks(_ bytes: [UInt8], _ chunking: Chunking, seed: UInt64 = 1) -> [[UInt8]] {
        switch chunking {
        case .whole:
            return [bytes]
        case .byteAtATime:
            return bytes.map { [$0] }
        case .randomSplits:
            var generator = SplitMix(state: seed)
            var result: [[UInt8]] = []
            var index = 0
            while index < bytes.count {
                let size = Int.random(in: 1...max(1, min(17, bytes.count - index)), using: &generator)
                result.append(Array(bytes[index..<(index + size)]))
                index += size
            }
            return result
        }
    }

    /// Every event until the input ends or a failure.
    static func events(_ text: String, _ chunking: Chunking = .whole, limits: RequestParser.Limits = .init(),
                       bodyLimit: Int? = nil, seed: UInt64 = 1) -> [Event] {
        events(Array(text.utf8), chunking, limits: limits, bodyLimit: bodyLimit, seed: seed)
    }

    static func events(_ bytes: [UInt8], _ chunking: Chunking = .whole, limits: RequestParser.Limits = .init(),
                       bodyLimit: Int? = nil, seed: UInt64 = 1) -> [Event] {
        var parser = RequestParser(limits: limits)
        var events: [Event] = []
        for chunk in chunks(bytes, chunking, seed: seed) {
            parser.append(chunk)
            loop: while true {
                switch parser.next() {
                case .needMoreData:
                    break loop
                case .head(let head):
                    events.append(.head(method: head.method.rawValue, target: head.target,
                                        minor: head.minorVersion, keepAlive: head.keepAlive))
                    parser.setBodyLimit(bodyLimit ?? limits.defaultBodyLimit)
                case .sendContinue:
                    events.append(.sendContinue)
                case .complete(let body):
                    events.append(.complete(body: body))
                case .failure(let error):
                    events.append(.failure(error))
                    return events
                }
            }
        }
        return events
    }
}
