// libFuzzer target for the HTTP request parser (RequestParser).
//
// Build and run (from the package root):
//   swift build -c release --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address \
//     -Xswiftc -DFUZZING --product HTTPFuzz
//   mkdir -p .fuzz-corpus && SWIFT_BACKTRACE=enable=no \
//     .build-fuzz/release/HTTPFuzz .fuzz-corpus -max_total_time=600 -max_len=4096
//
// Without -DFUZZING this builds an ordinary program that replays the files given as
// arguments through the parser (for crash regressions): `swift run HTTPFuzz crash-*`.
import Foundation
import HTTP

/// Feeds `bytes` to a parser, split at points taken from the input itself, and checks the
/// parser's invariants: it never traps, a failure is final, a complete body respects the limit,
/// and the outcome is the same as for the whole input in one piece.
func exercise(_ bytes: UnsafeRawBufferPointer) {
    guard bytes.count > 0 else { return }
    // The first byte picks the split size and the body limit, so both get explored.
    let control = bytes[0]
    let step = Int(control & 0x0F) + 1
    let bodyLimit = Int(control >> 4) * 64
    let input = UnsafeRawBufferPointer(rebasing: bytes[1...])
    let split = outputs(input, step: step, bodyLimit: bodyLimit)
    let whole = outputs(input, step: max(input.count, 1), bodyLimit: bodyLimit)
    if split != whole { trap("split input parsed differently: \(split) vs \(whole)") }
}

/// What the parser reports for `input` fed `step` bytes at a time, without the 100 Continue
/// (whether it is due depends on whether the body had arrived, so on the split).
func outputs(_ input: UnsafeRawBufferPointer, step: Int, bodyLimit: Int) -> [RequestParser.Output] {
    let limits = RequestParser.Limits(maxRequestLineLength: 512, maxHeaderBytes: 2048, maxHeaderCount: 32,
                                      defaultBodyLimit: bodyLimit)
    var parser = RequestParser(limits: limits)
    var results: [RequestParser.Output] = []
    var offset = 0
    while offset < input.count {
        let end = min(offset + step, input.count)
        parser.append(UnsafeRawBufferPointer(rebasing: input[offset..<end]))
        offset = end
        loop: while true {
            let output = parser.next()
            switch output {
            case .needMoreData:
                break loop
            case .head:
                results.append(output)
                parser.setBodyLimit(bodyLimit)
            case .sendContinue:
                continue
            case .complete(let body):
                if body.count > bodyLimit { trap("body over limit") }
                results.append(output)
            case .failure:
                results.append(output)
                if parser.next() != output { trap("failure not final") }
                return results
            }
        }
    }
    return results
}

func trap(_ message: String) -> Never {
    print("HTTPFuzz invariant broken: \(message)")
    abort()
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    exercise(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

// SwiftPM links executables with `HTTPFuzz_main` as the entry point, so libFuzzer's own `main`
// never runs; start its driver from here.
var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzTestOneInput(data, size) })
#else
let paths = CommandLine.arguments.dropFirst()
if paths.isEmpty {
    print("usage: HTTPFuzz FILE... (replays inputs through the parser; build with -DFUZZING to fuzz, see the top of main.swift)")
}
for path in paths {
    guard let data = FileManager.default.contents(atPath: path) else {
        print("cannot read \(path)")
        exit(1)
    }
    data.withUnsafeBytes { exercise($0) }
    print("ok \(path)")
}
#endif
