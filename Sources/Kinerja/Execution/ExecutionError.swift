import Foundation

/// Why an execution record was refused; each case has a stable code and an Indonesian message that
/// ends with the article behind the rule.
public enum ExecutionError: Error, Sendable, Equatable {
    /// No such SKP in the tenant, or the caller has no part in it.
    case skpNotFound
    /// The SKP has no approved revision yet: execution starts after the SKP is established (Pasal 14 ayat (1)).
    case skpNotApproved
    /// The action is not open to this actor.
    case notPermitted(action: ExecutionAction, actor: SKPActor, allowed: [SKPActor])
    /// No such RHK in the approved revision.
    case rhkNotFound(UUID)
    /// The RHK was taken over by the leader; the employee no longer plans or documents it.
    case rhkTakenOver(UUID)
    /// The RHK is already taken over; a takeover is recorded once.
    case alreadyTakenOver(UUID)
    /// No such realisation (or evidence file) of an SKP the caller may see.
    case realisationNotFound
    /// A realisation for this IKI and period exists already: correct it instead.
    case realisationExists(existing: UUID)
    /// The period's evaluation is final; the realisation and its evidence no longer change.
    case realisationLocked(since: Date)
    /// The realisation has as many files as it may.
    case tooManyFiles
    /// The input breaks a limit or a rule; every problem with its pointer.
    case invalid([SKPValidationProblem])

    /// A stable code for programs.
    public var code: String {
        switch self {
        case .skpNotFound: "skp-not-found"
        case .skpNotApproved: "skp-not-approved"
        case .notPermitted: "execution-not-permitted"
        case .rhkNotFound: "rhk-not-found"
        case .rhkTakenOver: "rhk-taken-over"
        case .alreadyTakenOver: "rhk-already-taken-over"
        case .realisationNotFound: "realisation-not-found"
        case .realisationExists: "realisation-exists"
        case .realisationLocked: "realisation-locked"
        case .tooManyFiles: "evidence-limit-reached"
        case .invalid: "validation-failed"
        }
    }

    /// The rule behind the refusal, where one applies (the same the message cites).
    public var basis: LegalBasis? {
        switch self {
        case .skpNotApproved: ExecutionBasis.plan
        case .notPermitted(let action, _, _): action.basis
        case .rhkTakenOver, .alreadyTakenOver: ExecutionBasis.takeover
        case .realisationExists, .realisationLocked: ExecutionBasis.realisation
        case .skpNotFound, .rhkNotFound, .realisationNotFound, .tooManyFiles, .invalid: nil
        }
    }

    /// The refusal in Bahasa Indonesia, with the article where one applies.
    public var message: String {
        switch self {
        case .skpNotFound:
            return "SKP tidak ditemukan."
        case .skpNotApproved:
            return Self.cite("SKP ini belum ditetapkan; jadwal, rencana aksi dan realisasi dibuat setelah SKP ditetapkan.",
                             ExecutionBasis.plan)
        case .notPermitted(let action, let actor, let allowed):
            let who = allowed.map(\.indonesianName).joined(separator: " atau ")
            return Self.cite("Tindakan '\(action.rawValue)' hanya dapat dilakukan oleh \(who), bukan oleh \(actor.indonesianName).",
                             action.basis)
        case .rhkNotFound:
            return "RHK tidak ditemukan pada SKP yang ditetapkan."
        case .rhkTakenOver:
            return Self.cite("RHK ini telah diambil alih oleh pimpinan.", ExecutionBasis.takeover)
        case .alreadyTakenOver:
            return Self.cite("RHK ini sudah diambil alih sebelumnya.", ExecutionBasis.takeover)
        case .realisationNotFound:
            return "Realisasi tidak ditemukan."
        case .realisationExists:
            return Self.cite("Realisasi untuk IKI dan periode ini sudah ada; perbaiki realisasi tersebut.", ExecutionBasis.realisation)
        case .realisationLocked:
            return Self.cite("Evaluasi periode ini telah final; realisasi dan bukti dukungnya tidak dapat diubah lagi.",
                             ExecutionBasis.realisation)
        case .tooManyFiles:
            return "Satu realisasi paling banyak memiliki \(ExecutionLimits.maxFilesPerRealisation) berkas bukti dukung."
        case .invalid:
            return "Data yang dikirim tidak memenuhi ketentuan."
        }
    }

    /// "text (PermenPANRB 6/2022; Perbup Tanah Laut 2024 Pasal 15: …)".
    static func cite(_ text: String, _ basis: LegalBasis) -> String {
        text + " (" + ([basis.description] + [basis.note].compactMap { $0 }).joined(separator: "; ") + ")"
    }
}
