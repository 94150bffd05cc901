import Foundation
import Kinerja
import Persistence

// Response bodies of the rule-set and holiday API.

/// One rule-set version; `document` (the rule set in its documented format) only where asked.
struct RuleSetVersionView: Encodable {
    let tenant: String
    let version: Int
    let status: String
    let validFrom: String?
    let validUntil: String?
    let legalNote: String?
    let createdBy: String
    let createdAt: Date
    let updatedAt: Date
    let publishedBy: String?
    let publishedAt: Date?
    let name: String
    let document: RuleSet?

    init(_ stored: StoredRuleSetVersion, withDocument: Bool = true) {
        tenant = stored.version.tenant
        version = stored.number
        status = stored.version.status.rawValue
        validFrom = stored.version.validFrom?.description
        validUntil = stored.version.validUntil?.description
        legalNote = stored.legalNote
        createdBy = stored.createdBy
        createdAt = stored.createdAt
        updatedAt = stored.updatedAt
        publishedBy = stored.publishedBy
        publishedAt = stored.version.publishedAt
        name = stored.ruleSet.name
        document = withDocument ? stored.ruleSet : nil
    }
}

/// A list of versions, without their documents.
struct RuleSetVersionList: Encodable {
    let items: [RuleSetVersionView]
}

/// The answer to a publication.
struct PublicationView: Encodable {
    let published: RuleSetVersionView
    /// The predecessor whose open-ended validity was closed the day before, if any.
    let closed: RuleSetVersionView?
}

/// The answer to a validation.
struct ValidationView: Encodable {
    let valid: Bool
    let tenant: String
    let version: Int
    /// Paths that the checked document changes against the stored version (empty when none).
    let changedPaths: [String]
}

/// The answer to a diff.
struct DiffView: Encodable {
    let from: Int
    let to: Int
    let changedPaths: [String]
}

/// One holiday.
struct HolidayView: Encodable {
    let date: String
    let name: String
    let kind: String
    let decree: String

    init(_ record: HolidayRecord) {
        date = record.holiday.date.description
        name = record.holiday.name
        kind = record.holiday.kind.rawValue
        decree = record.decree
    }
}

/// A tenant's holidays of one year.
struct HolidayYearView: Encodable {
    let year: Int
    /// Whether the national list of the year is complete (seeded or maintained).
    let nationalListComplete: Bool
    let items: [HolidayView]
}
