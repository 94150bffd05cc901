import Foundation

/// A target and its realisation for one aspect of an SKP activity.
public struct TargetRealisation: Sendable, Equatable, Codable {
    /// The target (TO, TK, TW or TB).
    public var target: Decimal
    /// The realisation (RO, RK, RW or RB); may exceed the target (Perbup Pasuruan 117/2019 Pasal 11 ayat (3)).
    public var realisation: Decimal

    /// Creates a pair.
    public init(target: Decimal, realisation: Decimal) {
        self.target = target
        self.realisation = realisation
    }
}

/// One SKP activity in the weighted model, with its four aspects.
public struct WeightedActivity: Sendable, Equatable, Codable {
    /// The activity's name.
    public var name: String
    /// Output quantity (kuantitas).
    public var quantity: TargetRealisation
    /// Quality (kualitas), usually out of 100.
    public var quality: TargetRealisation
    /// Time in months (waktu).
    public var time: TargetRealisation
    /// Cost (biaya); counted only when its target is above 0.
    public var cost: TargetRealisation?

    /// Creates an activity.
    public init(name: String, quantity: TargetRealisation, quality: TargetRealisation,
                time: TargetRealisation, cost: TargetRealisation? = nil) {
        self.name = name
        self.quantity = quantity
        self.quality = quality
        self.time = time
        self.cost = cost
    }
}

/// Scores of the five older behaviour elements, each 0–100 (Perbup Pasuruan 117/2019 Pasal 12 ayat (2)).
public struct PerilakuKerjaScores: Sendable, Equatable, Codable {
    /// Orientasi pelayanan.
    public var orientasiPelayanan: Decimal
    /// Komitmen.
    public var komitmen: Decimal
    /// Inisiatif kerja.
    public var inisiatifKerja: Decimal
    /// Kerjasama.
    public var kerjasama: Decimal
    /// Kepemimpinan; only for posts that are rated on it.
    public var kepemimpinan: Decimal?

    /// Creates behaviour scores.
    public init(orientasiPelayanan: Decimal, komitmen: Decimal, inisiatifKerja: Decimal, kerjasama: Decimal,
                kepemimpinan: Decimal? = nil) {
        self.orientasiPelayanan = orientasiPelayanan
        self.komitmen = komitmen
        self.inisiatifKerja = inisiatifKerja
        self.kerjasama = kerjasama
        self.kepemimpinan = kepemimpinan
    }
}

/// Everything the weighted model needs about one employee's year.
public struct WeightedModelInput: Sendable, Equatable, Codable {
    /// The employee's kind of post, which decides whether kepemimpinan is rated.
    public var jobKind: JobKind
    /// For a functional post: whether its activities need leadership (Pasal 12 ayat (3) huruf d).
    public var fungsionalNeedsLeadership: Bool
    /// The SKP activities.
    public var activities: [WeightedActivity]
    /// Behaviour scores.
    public var perilaku: PerilakuKerjaScores

    /// Creates an input.
    public init(jobKind: JobKind, fungsionalNeedsLeadership: Bool = false, activities: [WeightedActivity],
                perilaku: PerilakuKerjaScores) {
        self.jobKind = jobKind
        self.fungsionalNeedsLeadership = fungsionalNeedsLeadership
        self.activities = activities
        self.perilaku = perilaku
    }
}

/// Why the weighted model cannot score an input.
public enum WeightedModelError: Error, Sendable, Equatable {
    /// The rule set does not use the weighted model.
    case notWeightedModel
    /// The SKP has no activity.
    case noActivities
    /// A target is zero or negative, so no ratio exists.
    case targetNotPositive(activity: String, aspect: String)
    /// A realisation is negative.
    case negativeRealisation(activity: String, aspect: String)
    /// A behaviour score lies outside 0–100.
    case behaviourScoreOutOfRange(element: String)
    /// The post is rated on kepemimpinan but no score was given.
    case missingKepemimpinan
    /// A kepemimpinan score was given for a post that is not rated on it.
    case kepemimpinanNotApplicable(jobKind: JobKind)
}
