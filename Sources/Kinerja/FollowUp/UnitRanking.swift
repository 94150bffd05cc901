import Foundation

/// Pemeringkatan kinerja pegawai within a unit (Perbup Tanah Laut 2024 Pasal 26 huruf c and
/// Pasal 29: ranking follows from the predikat the evaluation established). Pure: the caller
/// passes the unit's final evaluations; excluded employees are never candidates.
///
/// Order: by predikat (quadrant order, `ResultPredikat.order`), then, where the weighted model
/// gives a score, by nilai, highest first. Candidates equal on both share a rank and the next
/// rank skips as many places (standard competition ranking: 1, 2, 2, 4), so a rank always says
/// how many were better plus one.
public enum UnitRanking {
    /// One final evaluation to rank.
    public struct Candidate: Sendable, Equatable {
        /// The employee.
        public var employeeID: UUID
        /// The name, only to list equals in a stable order.
        public var name: String
        /// The established predikat.
        public var predikat: ResultPredikat
        /// The weighted model's final score; nil in the quadrant model.
        public var nilai: Decimal?

        /// Creates a candidate.
        public init(employeeID: UUID, name: String, predikat: ResultPredikat, nilai: Decimal?) {
            self.employeeID = employeeID
            self.name = name
            self.predikat = predikat
            self.nilai = nilai
        }
    }

    /// A candidate with its rank (1 best).
    public struct Ranked: Sendable, Equatable {
        /// 1-based rank; equals share it.
        public var rank: Int
        /// The candidate.
        public var candidate: Candidate
    }

    /// The candidates in rank order with their ranks.
    public static func rank(_ candidates: [Candidate]) -> [Ranked] {
        let sorted = candidates.sorted { a, b in
            if a.predikat.order != b.predikat.order { return a.predikat.order < b.predikat.order }
            if a.nilai != b.nilai { return (a.nilai ?? -.greatestFiniteMagnitude) > (b.nilai ?? -.greatestFiniteMagnitude) }
            return (a.name, a.employeeID.uuidString) < (b.name, b.employeeID.uuidString)
        }
        var ranked: [Ranked] = []
        ranked.reserveCapacity(sorted.count)
        for (index, candidate) in sorted.enumerated() {
            if let last = ranked.last, last.candidate.predikat.order == candidate.predikat.order,
               last.candidate.nilai == candidate.nilai {
                ranked.append(Ranked(rank: last.rank, candidate: candidate))
            } else {
                ranked.append(Ranked(rank: index + 1, candidate: candidate))
            }
        }
        return ranked
    }
}
