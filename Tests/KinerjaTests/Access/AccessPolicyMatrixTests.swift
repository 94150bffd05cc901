import Foundation
import Testing
@testable import Kinerja

/// The authorization matrix: every role × relation × action, with the expected decision written
/// out below. A = allow, D = deny (403), N = not found (404: another tenant's resource).
/// Relations decide the derived roles: whoever the hierarchy makes the target's evaluator on the
/// date evaluates them, whatever else they are (so the `pegawai` and `pejabatPenilai` rows agree).
@Suite struct AccessPolicyMatrixTests {
    enum Subject: String, CaseIterable, Sendable {
        case pegawai, pejabatPenilai, atasanPejabatPenilai, pengelolaKinerja, tenantAdmin, centralAdmin
    }

    /// How the target relates to the caller, as the persistence layer would report it.
    enum Relation: String, CaseIterable, Sendable {
        case selfTarget, evaluatee, evaluatorsSubordinate, inManagedPerangkatDaerah, unrelated, otherTenant
    }

    static let tenant = UUID(uuidString: "00000000-0000-7000-8000-00000000000a")!
    static let otherTenant = UUID(uuidString: "00000000-0000-7000-8000-00000000000b")!
    static let me = UUID(uuidString: "00000000-0000-7000-8000-0000000000e1")!
    static let colleague = UUID(uuidString: "00000000-0000-7000-8000-0000000000e2")!
    static let managedPD = UUID(uuidString: "00000000-0000-7000-8000-0000000000d1")!
    static let otherPD = UUID(uuidString: "00000000-0000-7000-8000-0000000000d2")!

    /// Columns of the table, in order.
    static let columns: [Action] = [
        .viewOwnProfile, .viewEmployee, .evaluateEmployee, .reviewSKP, .decideObjection, .manageOrganisation,
        .importData, .manageUsers, .viewAuditLog, .viewRuleSets, .manageRuleSets, .manageTenants, .manageJobs,
    ]

    // swiftlint:disable comma
    static let table: [(Subject, Relation, String)] = [
        //                                                own view eval rev  obj  org  imp  usr  aud  vRS  mRS  ten  job
        (.pegawai,              .selfTarget,               "A    A    D    D    D    D    D    D    D    A    D    D    D"),
        (.pegawai,              .evaluatee,                "A    A    A    D    D    D    D    D    D    A    D    D    D"),
        (.pegawai,              .evaluatorsSubordinate,    "A    A    D    D    A    D    D    D    D    A    D    D    D"),
        (.pegawai,              .inManagedPerangkatDaerah, "A    D    D    D    D    D    D    D    D    A    D    D    D"),
        (.pegawai,              .unrelated,                "A    D    D    D    D    D    D    D    D    A    D    D    D"),
        (.pegawai,              .otherTenant,              "N    N    N    N    N    N    N    N    N    N    N    N    N"),
        (.pejabatPenilai,       .selfTarget,               "A    A    D    D    D    D    D    D    D    A    D    D    D"),
        (.pejabatPenilai,       .evaluatee,                "A    A    A    D    D    D    D    D    D    A    D    D    D"),
        (.pejabatPenilai,       .evaluatorsSubordinate,    "A    A    D    D    A    D    D    D    D    A    D    D    D"),
        (.pejabatPenilai,       .inManagedPerangkatDaerah, "A    D    D    D    D    D    D    D    D    A    D    D    D"),
        (.pejabatPenilai,       .unrelated,                "A    D    D    D    D    D    D    D    D    A    D    D    D"),
        (.pejabatPenilai,       .otherTenant,              "N    N    N    N    N    N    N    N    N    N    N    N    N"),
        (.atasanPejabatPenilai, .selfTarget,               "A    A    D    D    D    D    D    D    D    A    D    D    D"),
        (.atasanPejabatPenilai, .evaluatee,                "A    A    A    D    D    D    D    D    D    A    D    D    D"),
        (.atasanPejabatPenilai, .evaluatorsSubordinate,    "A    A    D    D    A    D    D    D    D    A    D    D    D"),
        (.atasanPejabatPenilai, .inManagedPerangkatDaerah, "A    D    D    D    D    D    D    D    D    A    D    D    D"),
        (.atasanPejabatPenilai, .unrelated,                "A    D    D    D    D    D    D    D    D    A    D    D    D"),
        (.atasanPejabatPenilai, .otherTenant,              "N    N    N    N    N    N    N    N    N    N    N    N    N"),
        (.pengelolaKinerja,     .selfTarget,               "A    A    D    D    D    D    D    D    D    A    D    D    D"),
        (.pengelolaKinerja,     .evaluatee,                "A    A    A    D    D    D    D    D    D    A    D    D    D"),
        (.pengelolaKinerja,     .evaluatorsSubordinate,    "A    A    D    D    A    D    D    D    D    A    D    D    D"),
        (.pengelolaKinerja,     .inManagedPerangkatDaerah, "A    A    D    A    D    D    D    D    D    A    D    D    D"),
        (.pengelolaKinerja,     .unrelated,                "A    D    D    D    D    D    D    D    D    A    D    D    D"),
        (.pengelolaKinerja,     .otherTenant,              "N    N    N    N    N    N    N    N    N    N    N    N    N"),
        (.tenantAdmin,          .selfTarget,               "A    A    D    D    D    A    A    A    A    A    D    D    A"),
        (.tenantAdmin,          .evaluatee,                "A    A    A    D    D    A    A    A    A    A    D    D    A"),
        (.tenantAdmin,          .evaluatorsSubordinate,    "A    A    D    D    A    A    A    A    A    A    D    D    A"),
        (.tenantAdmin,          .inManagedPerangkatDaerah, "A    A    D    D    D    A    A    A    A    A    D    D    A"),
        (.tenantAdmin,          .unrelated,                "A    A    D    D    D    A    A    A    A    A    D    D    A"),
        (.tenantAdmin,          .otherTenant,              "N    N    N    N    N    N    N    N    N    N    N    N    N"),
        (.centralAdmin,         .selfTarget,               "A    D    D    D    D    D    D    A    A    A    A    A    A"),
        (.centralAdmin,         .evaluatee,                "A    D    D    D    D    D    D    A    A    A    A    A    A"),
        (.centralAdmin,         .evaluatorsSubordinate,    "A    D    D    D    D    D    D    A    A    A    A    A    A"),
        (.centralAdmin,         .inManagedPerangkatDaerah, "A    D    D    D    D    D    D    A    A    A    A    A    A"),
        (.centralAdmin,         .unrelated,                "A    D    D    D    D    D    D    A    A    A    A    A    A"),
        (.centralAdmin,         .otherTenant,              "A    D    D    D    D    D    D    A    A    A    A    A    A"),
    ]
    // swiftlint:enable comma

    struct Case: Sendable, CustomTestStringConvertible {
        let subject: Subject
        let relation: Relation
        let action: Action
        let expected: Character
        var testDescription: String { "\(subject.rawValue) × \(relation.rawValue) × \(action.rawValue) → \(expected)" }
    }

    static let cases: [Case] = table.flatMap { subject, relation, row in
        let letters = row.split(separator: " ").map { Character(String($0)) }
        return zip(columns, letters).map { Case(subject: subject, relation: relation, action: $0, expected: $1) }
    }

    static func principal(_ subject: Subject) -> Principal {
        switch subject {
        case .pegawai: Principal(userID: UUID(), tenantID: tenant, employeeID: me, roles: [.pegawai])
        case .pejabatPenilai: Principal(userID: UUID(), tenantID: tenant, employeeID: me, roles: [.pegawai, .pejabatPenilai])
        case .atasanPejabatPenilai:
            Principal(userID: UUID(), tenantID: tenant, employeeID: me, roles: [.pegawai, .atasanPejabatPenilai])
        case .pengelolaKinerja:
            Principal(userID: UUID(), tenantID: tenant, employeeID: me, roles: [.pegawai, .pengelolaKinerja(perangkatDaerah: managedPD)])
        case .tenantAdmin: Principal(userID: UUID(), tenantID: tenant, employeeID: me, roles: [.pegawai, .tenantAdmin])
        case .centralAdmin: Principal(userID: UUID(), tenantID: nil, roles: [.centralAdmin])
        }
    }

    /// The facts for each relation. The other-tenant target claims every relation, to show that
    /// the tenant check comes first.
    static func facts(_ relation: Relation) -> AccessFacts {
        switch relation {
        case .selfTarget: AccessFacts(targetTenantID: tenant, targetEmployeeID: me, targetPerangkatDaerahID: otherPD)
        case .evaluatee:
            AccessFacts(targetTenantID: tenant, targetEmployeeID: colleague, targetPerangkatDaerahID: otherPD, isEvaluatorOfTarget: true)
        case .evaluatorsSubordinate:
            AccessFacts(targetTenantID: tenant, targetEmployeeID: colleague, targetPerangkatDaerahID: otherPD,
                        isEvaluatorsSuperiorOfTarget: true)
        case .inManagedPerangkatDaerah: AccessFacts(targetTenantID: tenant, targetEmployeeID: colleague, targetPerangkatDaerahID: managedPD)
        case .unrelated: AccessFacts(targetTenantID: tenant, targetEmployeeID: colleague, targetPerangkatDaerahID: otherPD)
        case .otherTenant:
            AccessFacts(targetTenantID: otherTenant, targetEmployeeID: colleague, targetPerangkatDaerahID: managedPD,
                        isEvaluatorOfTarget: true, isEvaluatorsSuperiorOfTarget: true)
        }
    }

    @Test func tableCoversEveryRoleRelationAndAction() {
        #expect(Set(Self.columns) == Set(Action.allCases) && Self.columns.count == Action.allCases.count)
        #expect(Self.table.count == Subject.allCases.count * Relation.allCases.count)
        #expect(Set(Self.table.map { "\($0.0)/\($0.1)" }).count == Self.table.count)
        #expect(Self.cases.count == Self.table.count * Self.columns.count)
    }

    @Test(arguments: cases)
    func decision(_ c: Case) {
        let decision = AccessPolicy.decide(Self.principal(c.subject), c.action, Self.facts(c.relation))
        switch c.expected {
        case "A": #expect(decision == .allow)
        case "N": #expect(decision == .notFound)
        default:
            guard case .deny(let reason) = decision else {
                Issue.record("expected deny, got \(decision)")
                return
            }
            #expect(!reason.isEmpty)
        }
    }

    @Test func onlyAnEmployeeCanBeAnEvaluator() {
        let noEmployee = Principal(userID: UUID(), tenantID: Self.tenant, roles: [.tenantAdmin])
        let facts = AccessFacts(targetTenantID: Self.tenant, targetEmployeeID: Self.colleague,
                                isEvaluatorOfTarget: true, isEvaluatorsSuperiorOfTarget: true)
        #expect(!AccessPolicy.decide(noEmployee, .evaluateEmployee, facts).isAllowed)
        #expect(!AccessPolicy.decide(noEmployee, .decideObjection, facts).isAllowed)
    }

    @Test func aUserWithoutTenantWhoIsNoCentralAdminIsDenied() {
        let orphan = Principal(userID: UUID(), tenantID: nil, roles: [.tenantAdmin])
        #expect(!AccessPolicy.decide(orphan, .manageUsers, .platform).isAllowed)
    }
}
