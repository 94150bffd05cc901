import Foundation
import Kinerja

/// What `kinerja cycle annual` did, stage by stage, with the time each took.
public struct AnnualCycleReport: Sendable, Encodable {
    /// One stage: what it did, how many, in how many seconds.
    public struct Stage: Sendable, Encodable {
        public var name: String
        public var count: Int
        public var seconds: Double
    }

    public var tenant: String
    public var year: Int
    public var periodId: String
    public var ruleSetVersion: String
    public var stages: [Stage] = []
    /// Employees covered and excluded (by reason) when the period opened.
    public var coverage: CoverageTally?
    /// Plans that could not be completed, and why (e.g. no pengelola kinerja for the review step).
    public var skpSkipped: [String: Int] = [:]
    /// Final results by predikat or category.
    public var results: [String: Int] = [:]
    /// Groups finalised with warnings only (small groups).
    public var groupsWithWarnings: Int = 0
    public var totalSeconds: Double = 0
}
