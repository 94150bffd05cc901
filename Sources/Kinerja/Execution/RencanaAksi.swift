/// An action plan of an RHK: what will be done, in which months (Perbup Tanah Laut 2024 Pasal 15 huruf b).
public struct RencanaAksi: Sendable, Equatable, Codable {
    /// The action in words.
    public var text: String
    /// The target months (1–12), each a month of the RHK's timeline.
    public var months: [Int]

    /// Creates an action plan.
    public init(text: String, months: [Int]) {
        self.text = text
        self.months = months
    }
}
