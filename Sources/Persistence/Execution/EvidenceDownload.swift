import Kinerja

/// An evidence file with its bytes, for download.
public struct EvidenceDownload: Sendable, Equatable {
    /// What the file is.
    public var file: EvidenceFile
    /// Its bytes.
    public var bytes: [UInt8]
}
