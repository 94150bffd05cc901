/// How many people in a group received each predikat.
public struct PredikatCounts: Sendable, Equatable, Codable {
    /// Sangat Baik.
    public var sangatBaik: Int
    /// Baik.
    public var baik: Int
    /// Butuh Perbaikan.
    public var butuhPerbaikan: Int
    /// Kurang/Misconduct.
    public var kurang: Int
    /// Sangat Kurang.
    public var sangatKurang: Int

    /// Creates counts.
    public init(sangatBaik: Int = 0, baik: Int = 0, butuhPerbaikan: Int = 0, kurang: Int = 0, sangatKurang: Int = 0) {
        self.sangatBaik = sangatBaik
        self.baik = baik
        self.butuhPerbaikan = butuhPerbaikan
        self.kurang = kurang
        self.sangatKurang = sangatKurang
    }

    /// Counts a list of predikat.
    public init(_ list: [Predikat]) {
        self.init()
        for predikat in list { self[predikat] += 1 }
    }

    /// The count of one predikat.
    public subscript(predikat: Predikat) -> Int {
        get {
            switch predikat {
            case .sangatBaik: sangatBaik
            case .baik: baik
            case .butuhPerbaikan: butuhPerbaikan
            case .kurang: kurang
            case .sangatKurang: sangatKurang
            }
        }
        set {
            switch predikat {
            case .sangatBaik: sangatBaik = newValue
            case .baik: baik = newValue
            case .butuhPerbaikan: butuhPerbaikan = newValue
            case .kurang: kurang = newValue
            case .sangatKurang: sangatKurang = newValue
            }
        }
    }

    /// The group size.
    public var total: Int { Predikat.allCases.map { self[$0] }.reduce(0, +) }
}
