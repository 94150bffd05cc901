extension RuleSet {
    /// Behaviour aspects (`$.behaviour`).
    public struct Behaviour: Sendable, Equatable, Encodable {
        /// BerAKHLAK core values or the five older elements.
        public var model: BehaviourModel
        /// Five elements: job kinds rated on kepemimpinan.
        public var leadershipJobKinds: [JobKind]?
        /// Five elements: functional posts whose work needs leadership are rated on it too.
        public var leadershipForFungsionalWhenRequired: Bool?
        /// Where the aspects come from.
        public var basis: LegalBasis

        /// Creates the behaviour section.
        public init(model: BehaviourModel, leadershipJobKinds: [JobKind]? = nil,
                    leadershipForFungsionalWhenRequired: Bool? = nil, basis: LegalBasis) {
            self.model = model
            self.leadershipJobKinds = leadershipJobKinds
            self.leadershipForFungsionalWhenRequired = leadershipForFungsionalWhenRequired
            self.basis = basis
        }
    }

    /// The behaviour models.
    public enum BehaviourModel: String, Sendable, Codable, CaseIterable {
        /// The seven BerAKHLAK core values (Perbup Tanah Laut 2024 Pasal 9 ayat (3)).
        case berakhlak
        /// Orientasi pelayanan, komitmen, inisiatif kerja, kerjasama, kepemimpinan (Perbup Pasuruan Pasal 12).
        case fiveElements = "five-elements"
    }

    /// Periodic evaluation cadence (`$.periodicEvaluation`).
    public struct PeriodicEvaluation: Sendable, Equatable, Encodable {
        /// How often.
        public var cadence: Cadence
        /// Who decided it.
        public var basis: LegalBasis

        /// Creates the section.
        public init(cadence: Cadence, basis: LegalBasis) {
            self.cadence = cadence
            self.basis = basis
        }
    }

    /// Evaluation cadences.
    public enum Cadence: String, Sendable, Codable, CaseIterable {
        /// Bulanan.
        case monthly
        /// Triwulanan.
        case quarterly
        /// Semesteran.
        case semiannual
        /// Tahunan.
        case annual
    }

    /// SKP settings (`$.skp`).
    public struct SKP: Sendable, Equatable, Encodable {
        /// By when the SKP must be established.
        public var deadline: SKPDeadline
        /// Which time units targets may use.
        public var timeUnits: TimeUnits
        /// Whether the Pengelola Kinerja reviews before agreement.
        public var review: Review?

        /// Creates the section.
        public init(deadline: SKPDeadline, timeUnits: TimeUnits, review: Review? = nil) {
            self.deadline = deadline
            self.timeUnits = timeUnits
            self.review = review
        }
    }

    /// The SKP is established by the end of this month each year.
    public struct SKPDeadline: Sendable, Equatable, Encodable {
        /// The month, 1–12.
        public var endOfMonth: Int
        /// Where the deadline comes from.
        public var basis: LegalBasis

        /// Creates the deadline.
        public init(endOfMonth: Int, basis: LegalBasis) {
            self.endOfMonth = endOfMonth
            self.basis = basis
        }

        /// The last day for `year`'s SKP.
        public func date(forYear year: Int) -> CivilDate? {
            CivilDate(year: year, month: endOfMonth, day: 1)?.endOfMonth
        }
    }

    /// Allowed time units of SKP targets.
    public struct TimeUnits: Sendable, Equatable, Encodable {
        /// The units allowed.
        public var allowed: [SKPTimeUnit]
        /// Where the restriction comes from.
        public var basis: LegalBasis

        /// Creates the setting.
        public init(allowed: [SKPTimeUnit], basis: LegalBasis) {
            self.allowed = allowed
            self.basis = basis
        }
    }

    /// A review step before the SKP is agreed.
    public struct Review: Sendable, Equatable, Encodable {
        /// The Pengelola Kinerja reviews the SKP before the evaluator agrees to it.
        public var byPengelolaKinerja: Bool
        /// Where the step comes from.
        public var basis: LegalBasis

        /// Creates the setting.
        public init(byPengelolaKinerja: Bool, basis: LegalBasis) {
            self.byPengelolaKinerja = byPengelolaKinerja
            self.basis = basis
        }
    }

    /// Who is covered (`$.coverage`).
    public struct Coverage: Sendable, Equatable, Encodable {
        /// Covered employee types.
        public var employeeTypes: [CoveredType]
        /// Statuses that exempt an employee.
        public var exemptStatuses: [ExemptStatus]

        /// Creates the section.
        public init(employeeTypes: [CoveredType], exemptStatuses: [ExemptStatus]) {
            self.employeeTypes = employeeTypes
            self.exemptStatuses = exemptStatuses
        }
    }

    /// A covered employee type, optionally from a date on.
    public struct CoveredType: Sendable, Equatable, Encodable {
        /// The type.
        public var type: EmployeeType
        /// Covered from this date; `nil` for always.
        public var from: CivilDate?
        /// Where the coverage comes from.
        public var basis: LegalBasis

        /// Creates a covered type.
        public init(type: EmployeeType, from: CivilDate? = nil, basis: LegalBasis) {
            self.type = type
            self.from = from
            self.basis = basis
        }
    }

    /// A status that exempts.
    public struct ExemptStatus: Sendable, Equatable, Encodable {
        /// The status.
        public var status: EmploymentStatus
        /// Where the exemption comes from.
        public var basis: LegalBasis

        /// Creates an exemption.
        public init(status: EmploymentStatus, basis: LegalBasis) {
            self.status = status
            self.basis = basis
        }
    }

    /// Objection windows (`$.objection`).
    public struct Objection: Sendable, Equatable, Encodable {
        /// Filing: counted from receipt of the evaluation result.
        public var filingWindow: DayWindow
        /// Decision: counted from receipt of the objection; `nil` when the regulation sets none.
        public var decisionWindow: DayWindow?

        /// Creates the section.
        public init(filingWindow: DayWindow, decisionWindow: DayWindow?) {
            self.filingWindow = filingWindow
            self.decisionWindow = decisionWindow
        }
    }

    /// The evaluator's assessment deadline (`$.assessment`).
    public struct Assessment: Sendable, Equatable, Encodable {
        /// Counted from the employee's submission of results.
        public var window: DayWindow

        /// Creates the section.
        public init(window: DayWindow) { self.window = window }
    }
}
