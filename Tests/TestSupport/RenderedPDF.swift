import Foundation
import Testing

/// Runs the real command-line checkers on rendered bytes: `qpdf --check` for structure (readers
/// silently repair broken files, so only a strict checker proves the xref and lengths right) and
/// `pdftotext -layout` to read the text back as a user would copy it.
public struct RenderedPDF {
    /// The PDF on disk.
    public let url: URL

    /// Writes `bytes` to a fresh temporary file.
    public init(_ bytes: [UInt8]) throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("kinerja-pdf-tests", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        url = directory.appendingPathComponent("\(UUID().uuidString).pdf")
        try Data(bytes).write(to: url)
    }

    /// `qpdf --check`: exit status and everything it printed.
    public func check() throws -> (status: Int32, output: String) {
        try Self.run(["qpdf", "--check", url.path])
    }

    /// Page count as qpdf reads it.
    public func pageCount() throws -> Int {
        let result = try Self.run(["qpdf", "--show-npages", url.path])
        return Int(result.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// The text of each page, from `pdftotext -layout` (pages end with a form feed).
    public func pages() throws -> [String] {
        let textURL = url.deletingPathExtension().appendingPathExtension("txt")
        let result = try Self.run(["pdftotext", "-layout", "-enc", "UTF-8", url.path, textURL.path])
        #expect(result.status == 0, "pdftotext failed: \(result.output)")
        // The text goes to a file, so anything printed is a complaint (e.g. "Syntax Error").
        #expect(result.output.isEmpty, "pdftotext: \(result.output)")
        let text = try String(contentsOf: textURL, encoding: .utf8)
        try? FileManager.default.removeItem(at: textURL)
        var pages = text.components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages
    }

    /// All text with runs of whitespace collapsed to one space, for phrase searches that should
    /// not depend on the column positions `-layout` chooses.
    public func flatText() throws -> String {
        try pages().joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Asserts that qpdf finds no errors and no warnings.
    public func expectValid(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try check()
        #expect(result.status == 0, "qpdf --check exit \(result.status): \(result.output)", sourceLocation: sourceLocation)
        #expect(!result.output.localizedCaseInsensitiveContains("warning"), "\(result.output)", sourceLocation: sourceLocation)
        #expect(result.output.contains("No syntax or stream encoding errors"), "\(result.output)", sourceLocation: sourceLocation)
    }

    /// Deletes the file, unless `KINERJA_KEEP_TEST_PDFS` is set (to look at the output).
    public func remove() {
        guard ProcessInfo.processInfo.environment["KINERJA_KEEP_TEST_PDFS"] == nil else { return }
        try? FileManager.default.removeItem(at: url)
    }

    private static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        // Read before waiting, so a full pipe cannot block the child.
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
