/// Why the SKP workflow refuses an action; each case names the article behind the refusal.
public enum SKPWorkflowError: Error, Sendable, Equatable {
    /// The action is not open in this status.
    case invalidState(action: String, status: SKPStatus, basis: LegalBasis)
    /// The action is open, but not to this actor.
    case notPermitted(action: String, actor: SKPActor, allowed: [SKPActor], basis: LegalBasis)
    /// A return needs notes (at most `SKPLimits.maxTextLength` characters).
    case notesRequired(basis: LegalBasis)
    /// The tenant's rules have no such step (review or escalation).
    case stepNotProvided(action: String, basis: LegalBasis)
    /// The superior already decided this revision, and that decision is final.
    case alreadyDecided(basis: LegalBasis)

    /// A stable code for programs.
    public var code: String {
        switch self {
        case .invalidState: "skp-invalid-state"
        case .notPermitted: "skp-not-permitted"
        case .notesRequired: "skp-notes-required"
        case .stepNotProvided: "skp-step-not-provided"
        case .alreadyDecided: "skp-already-decided"
        }
    }

    /// The article behind the refusal.
    public var basis: LegalBasis {
        switch self {
        case .invalidState(_, _, let basis), .notPermitted(_, _, _, let basis), .notesRequired(let basis),
             .stepNotProvided(_, let basis), .alreadyDecided(let basis):
            basis
        }
    }

    /// The refusal in Bahasa Indonesia, ending with the article.
    public var message: String {
        let text: String
        switch self {
        case .invalidState(let action, let status, _):
            text = "Tindakan '\(action)' tidak dapat dilakukan pada SKP berstatus '\(status.rawValue)'."
        case .notPermitted(let action, let actor, let allowed, _):
            let who = allowed.map(\.indonesianName).joined(separator: " atau ")
            text = "Tindakan '\(action)' hanya dapat dilakukan oleh \(who), bukan oleh \(actor.indonesianName)."
        case .notesRequired:
            text = "Pengembalian SKP wajib disertai catatan (paling banyak \(SKPLimits.maxTextLength) karakter)."
        case .stepNotProvided(let action, _):
            text = "Aturan kabupaten ini tidak mengenal tahap '\(action)' pada SKP."
        case .alreadyDecided:
            text = "Atasan pejabat penilai telah memutus SKP ini dan keputusannya bersifat final."
        }
        return text + " (" + basis.description + ")"
    }
}

extension SKPActor {
    /// The actor's name in Bahasa Indonesia.
    public var indonesianName: String {
        switch self {
        case .employee: "pegawai yang bersangkutan"
        case .evaluator: "pejabat penilai kinerja"
        case .pengelola: "pengelola kinerja"
        case .superior: "atasan pejabat penilai"
        case .other: "pihak lain"
        }
    }
}
