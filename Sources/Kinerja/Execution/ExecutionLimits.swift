/// Input limits of the execution records (architecture.md, "Every input has a limit").
public enum ExecutionLimits {
    /// At most this many characters in any free text (action plan, realisation, feedback, notes).
    public static let maxTextLength = 2_000
    /// At most this many action plans per RHK.
    public static let maxRencanaAksi = 30
    /// At most this many evidence links per realisation.
    public static let maxLinks = 10
    /// At most this many characters in one evidence link.
    public static let maxLinkLength = 2_000
    /// At most this many uploaded files per realisation.
    public static let maxFilesPerRealisation = 5
    /// At most this many bytes in one uploaded file (2 MiB; the database checks it again).
    public static let maxFileBytes = 2 * 1024 * 1024
    /// At most this many characters in an uploaded file's name.
    public static let maxFileNameLength = 200
    /// The content types accepted as bukti dukung: documents and pictures people scan or photograph.
    public static let allowedContentTypes: Set<String> = [
        "application/pdf", "image/jpeg", "image/png",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ]
}
