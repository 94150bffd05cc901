import Foundation
import Kinerja
import Postgres

extension SKPStore {
    /// Replaces the content of the current revision, which must be editable (draft or returned)
    /// and `person` its employee; the content must pass `SKPValidator` under `ruleSet`.
    public func updateContent(tenant: UUID, id: UUID, content: SKPContent, by person: UUID, pengelolaOf: Set<UUID> = [],
                              ruleSet: RuleSet, at: Date) throws -> SKP {
        let problems = SKPValidator.validate(content, ruleSet: ruleSet)
        guard problems.isEmpty else { throw SKPStoreError.invalid(problems) }
        return try pool.transaction(tenant: tenant) { c in
            guard let before = try load(id, on: c, lock: true) else { throw SKPStoreError.notFound(id) }
            let actor = before.actor(for: person, pengelolaOf: pengelolaOf)
            if case .failure(let error) = SKPWorkflow.transition(from: before.status, action: .edit, actor: actor,
                                                                rules: SKPWorkflowRules(ruleSet: ruleSet), decided: before.decided) {
                throw SKPStoreError.workflow(error)
            }
            try c.query("DELETE FROM skp_iki WHERE skp_id = \(id) AND revision = \(before.revision)")
            try c.query("DELETE FROM skp_rhk WHERE skp_id = \(id) AND revision = \(before.revision)")
            try c.query("DELETE FROM skp_perilaku WHERE skp_id = \(id) AND revision = \(before.revision)")
            try c.query("""
                UPDATE skp_revisions SET lampiran = \(try PostgresJSONB(encoding: content.lampiran))
                 WHERE skp_id = \(id) AND revision = \(before.revision)
                """)
            try insertContent(content, skp: id, revision: before.revision, on: c)
            try c.query("UPDATE skp SET updated_at = \(at) WHERE id = \(id)")
            var after = before
            after.content = content
            try AuditLog.append(try AuditChange(action: "edit", entity: "skp", id: id, before: before, after: after),
                                tenant: tenant, actor: .user(person), at: at, on: c)
            return after
        }
    }

    /// Takes a workflow step on the current revision: decides the actor from the plan and
    /// `person`, asks `SKPWorkflow`, then records the status, the history, the audit entry and
    /// the notification in one transaction. A submission must pass full validation first.
    public func perform(_ action: SKPAction, tenant: UUID, id: UUID, by person: UUID, pengelolaOf: Set<UUID> = [],
                        ruleSet: RuleSet, at: Date) throws -> (skp: SKP, transition: SKPTransition) {
        try pool.transaction(tenant: tenant) { c in
            guard let before = try load(id, on: c, lock: true) else { throw SKPStoreError.notFound(id) }
            let actor = before.actor(for: person, pengelolaOf: pengelolaOf)
            let rules = SKPWorkflowRules(ruleSet: ruleSet)
            let transition: SKPTransition
            switch SKPWorkflow.transition(from: before.status, action: action, actor: actor, rules: rules,
                                          decided: before.decided) {
            case .success(let step): transition = step
            case .failure(let error): throw SKPStoreError.workflow(error)
            }
            if transition.to == .escalated && before.evaluatorSuperiorID == nil {
                throw SKPStoreError.noSuperior(basis: transition.basis)
            }
            if action == .submit {
                let problems = SKPValidator.validate(before.content, ruleSet: ruleSet, forSubmission: true)
                guard problems.isEmpty else { throw SKPStoreError.invalid(problems) }
            }
            var after = before
            after.status = transition.to
            after.decided = before.decided || transition.isFinalDecision
            after.approvedAt = transition.to == .approved ? at : nil
            try c.query("""
                UPDATE skp_revisions
                   SET status = \(after.status.rawValue), decided = \(after.decided), approved_at = \(after.approvedAt),
                       submitted_at = CASE WHEN \(action == .submit) THEN \(at) ELSE submitted_at END
                 WHERE skp_id = \(id) AND revision = \(before.revision)
                """)
            try c.query("UPDATE skp SET updated_at = \(at) WHERE id = \(id)")
            let step = try appendHistory(skp: id, revision: before.revision, action: action.name, from: before.status,
                                         to: after.status, actor: person, role: actor, notes: transition.notes, at: at, on: c)
            try AuditLog.append(try AuditChange(action: action.name, entity: "skp", id: id, before: before, after: after),
                                tenant: tenant, actor: .user(person), at: at, on: c)
            if let notification = Self.notification(for: transition, skp: after, tenant: tenant, step: step) {
                try notifier.enqueue(notification, c)
            }
            return (after, transition)
        }
    }

    /// Opens a new revision of an approved SKP during the year (a draft with the approved content),
    /// keeping every earlier revision unchanged. Only the employee may do so.
    public func revise(tenant: UUID, id: UUID, by person: UUID, ruleSet: RuleSet, at: Date) throws -> SKP {
        try pool.transaction(tenant: tenant) { c in
            guard let before = try load(id, on: c, lock: true) else { throw SKPStoreError.notFound(id) }
            let basis = ruleSet.skp.deadline.basis
            guard before.status == .approved else {
                throw SKPStoreError.revisionNotAllowed(status: before.status, basis: basis)
            }
            let actor = before.actor(for: person)
            guard actor == .employee else {
                throw SKPStoreError.workflow(.notPermitted(action: "revise", actor: actor, allowed: [.employee], basis: basis))
            }
            var after = before
            after.revision = before.revision + 1
            after.status = .draft
            after.decided = false
            after.approvedAt = nil
            try insertRevision(after, on: c, at: at)
            try c.query("UPDATE skp SET current_revision = \(after.revision), updated_at = \(at) WHERE id = \(id)")
            try appendHistory(skp: id, revision: after.revision, action: "revise", from: before.status, to: .draft,
                              actor: person, role: actor, notes: nil, at: at, on: c)
            try AuditLog.append(try AuditChange(action: "revise", entity: "skp", id: id, before: before, after: after),
                                tenant: tenant, actor: .user(person), at: at, on: c)
            return after
        }
    }

    /// Who must hear about a step, if anyone: the reviewer or evaluator of a submission, the
    /// evaluator of a reviewed plan, the superior of an escalation, the employee of a return or approval.
    static func notification(for transition: SKPTransition, skp: SKP, tenant: UUID, step: Int) -> SKPNotification? {
        let kind: String
        let recipient: UUID?
        switch transition.to {
        case .submitted:
            kind = "skp.submitted"
            // The Pengelola Kinerja is a role of the perangkat daerah, not a person on the plan:
            // with a review step the job resolves the recipients; the evaluator is told too.
            recipient = skp.evaluatorID
        case .reviewed:
            kind = "skp.reviewed"
            recipient = skp.evaluatorID
        case .returned:
            kind = "skp.returned"
            recipient = skp.employeeID
        case .escalated:
            kind = "skp.escalated"
            recipient = skp.evaluatorSuperiorID
        case .approved:
            kind = "skp.approved"
            recipient = skp.employeeID
        case .draft:
            return nil
        }
        guard let recipient else { return nil }
        return SKPNotification(kind: kind, tenantID: tenant, skpID: skp.id, revision: skp.revision, step: step,
                               recipientID: recipient, notes: transition.notes)
    }
}
