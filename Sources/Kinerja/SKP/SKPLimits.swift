/// Input limits of an SKP document (architecture.md, "Every input has a limit").
public enum SKPLimits {
    /// At most this many RHK per SKP.
    public static let maxRHK = 30
    /// At most this many IKI per RHK.
    public static let maxIKIPerRHK = 10
    /// At most this many characters in any free text (RHK, IKI, notes, lampiran).
    public static let maxTextLength = 2_000
    /// At most this many characters in a unit of measure.
    public static let maxUnitLength = 50
    /// At most this many entries in each list of the lampiran and of the perilaku expectations.
    public static let maxListEntries = 30
}
