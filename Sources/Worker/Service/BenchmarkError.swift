/// A benchmark could not run or saw a failure (`DocumentBenchmark`, `MailBenchmark`).
struct BenchmarkError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
