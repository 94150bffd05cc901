import Foundation
import Kinerja

/// Why an SKP store operation was refused.
public enum SKPStoreError: Error, Sendable, Equatable {
    /// No SKP with this id in the tenant.
    case notFound(UUID)
    /// The employee already has an SKP for this year and start month.
    case alreadyExists(existing: UUID)
    /// The workflow refuses the action (with the article).
    case workflow(SKPWorkflowError)
    /// The content breaks the limits or the tenant's rules; every problem with its pointer.
    case invalid([SKPValidationProblem])
    /// A revision may only be opened from an approved SKP, by its employee.
    case revisionNotAllowed(status: SKPStatus, basis: LegalBasis)
    /// The plan records no atasan pejabat penilai, so a dispute has no one to decide it.
    case noSuperior(basis: LegalBasis)
}
