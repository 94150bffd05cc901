/// What an SKP revision says: results with indicators, expected behaviour and the lampiran
/// (Perbup Tanah Laut 2024 Pasal 6 ayat (3)). Edited as one document.
public struct SKPContent: Sendable, Equatable, Codable {
    /// Rencana hasil kerja, in order.
    public var rhk: [RHK]
    /// Expected behaviour per aspect, with ekspektasi khusus.
    public var perilaku: [PerilakuKerjaEkspektasi]
    /// Resources, accountability scheme and consequences.
    public var lampiran: SKPLampiran

    /// Creates content.
    public init(rhk: [RHK] = [], perilaku: [PerilakuKerjaEkspektasi] = [], lampiran: SKPLampiran = SKPLampiran()) {
        self.rhk = rhk
        self.perilaku = perilaku
        self.lampiran = lampiran
    }

    /// An empty plan with one expectation per aspect of the rule set's behaviour model.
    public static func empty(for ruleSet: RuleSet) -> SKPContent {
        SKPContent(perilaku: PerilakuKerjaEkspektasi.aspects(of: ruleSet.behaviour.model).map {
            PerilakuKerjaEkspektasi(aspect: $0)
        })
    }
}
