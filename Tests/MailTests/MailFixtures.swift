import Foundation
@testable import Mail

/// A seeded generator so boundaries, and with them whole messages, are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum MailFixtures {
    /// 2026-11-25 02:30:00 UTC.
    static let date = Date(timeIntervalSince1970: 1_795_573_800)
    static let subject = "Penilaian Kinerja – Triwulan I"
    static let text = "Yth. Bapak/Ibu Siti Rahmawati,\n\nPenilaian kinerja Anda untuk triwulan I telah disetujui oleh pejabat penilai. Predikat: Baik; nilai = 87,5.\nDokumen terlampir.\n\nSalam,\nBKPSDM Kabupaten Tanah Laut"

    static func sender() throws -> MailAddress {
        try MailAddress("noreply@tanahlaut.example", name: "BKPSDM Kabupaten Tanah Laut")
    }

    /// A small but real-looking PDF with every byte value, so base64 round trips are meaningful.
    static let pdf: [UInt8] = Array("%PDF-1.4\n%\u{E2}\u{E3}\n".utf8) + (0..<2000).map { UInt8(($0 * 7 + 3) % 256) } + Array("\n%%EOF\n".utf8)

    static func message(id: String = "<job-0190c9a2-7e1f-7c3a-9b5e-4f1d2c3b4a59@kinerja>",
                        to: [MailAddress]? = nil, html: String? = nil,
                        attachments: [MailAttachment] = []) throws -> MailMessage {
        try MailMessage(
            from: sender(),
            to: to ?? [MailAddress("siti.rahmawati@tanahlaut.example", name: "Siti Rahmawati")],
            subject: subject, date: date, timeZone: TimeZone(secondsFromGMT: 8 * 3600) ?? .gmt,
            messageID: id, text: text, html: html, attachments: attachments)
    }
}

extension Array where Element == UInt8 {
    /// The bytes as text, for assertions (messages are 7-bit ASCII).
    var text: String { String(decoding: self, as: UTF8.self) }

    /// Lines split on CRLF (the final CRLF gives no empty line).
    var crlfLines: [String] {
        var lines = text.components(separatedBy: "\r\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
