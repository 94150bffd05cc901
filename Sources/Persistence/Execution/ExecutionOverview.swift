import Foundation
import Kinerja

/// The execution plan of an approved SKP as the employee and the evaluator read it: per RHK of the
/// approved revision, its timeline and action plans (when written) and its takeover (when taken over).
public struct ExecutionOverview: Sendable, Equatable {
    /// One RHK with what was planned and whether it was taken over.
    public struct Item: Sendable, Equatable {
        /// The RHK as approved.
        public var rhk: RHK
        /// Its timeline and action plans, nil until the employee writes them (Pasal 15).
        public var plan: RHKExecutionPlan?
        /// Its takeover by the leader, if any (Pasal 19 ayat (6)–(8)).
        public var takeover: RHKTakeover?
    }

    /// The SKP.
    public var skpID: UUID
    /// The approved revision the items come from.
    public var revision: Int
    /// The RHK in the plan's order.
    public var items: [Item]
}
