import Foundation
import Kinerja
import Postgres

/// Bulk import of units, jabatan, employees and assignments from CSV (issue 3 item 6).
///
/// Every row is validated and every problem reported with its line, column and reason; nothing is
/// written unless every row is valid, and then everything is written in one transaction together
/// with its audit entries. Records are matched by natural key (codes, NIP), so importing the same
/// file twice changes nothing the second time. A dry run reports what would change.
public struct OrganisationImporter: Sendable {
    let pool: PostgresPool
    let clock: StoreClock
    let limits: ImportLimits

    /// An importer over `pool`.
    public init(pool: PostgresPool, limits: ImportLimits = .standard, clock: @escaping StoreClock = { Date() }) {
        self.pool = pool
        self.limits = limits
        self.clock = clock
    }

    /// Imports `csv` of `kind` for `tenant`. `today` bounds NIP appointment dates (the tenant's
    /// civil date). Throws `ImportError` for a file over the limits.
    public func run(_ kind: ImportKind, csv: [UInt8], tenant: UUID, actor: AuditActor, today: CivilDate,
                    dryRun: Bool) throws -> ImportReport {
        guard csv.count <= limits.maxBytes else { throw ImportError.tooLarge(limit: limits.maxBytes) }
        var report = ImportReport(kind: kind.rawValue, dryRun: dryRun, rows: 0, created: 0, updated: 0, unchanged: 0, issues: [])
        let records: [CSVRecord]
        do {
            records = try CSVParser.parse(csv)
        } catch {
            report.issues = [ImportIssue(line: error.line, column: "#\(error.column)", code: error.code.rawValue, message: error.message)]
            return report
        }
        var issues: [ImportIssue] = []
        let table = CSVTable(records: records, kind: kind, issues: &issues)
        report.rows = table.rows.count
        guard table.rows.count <= limits.maxRows else { throw ImportError.tooManyRows(limit: limits.maxRows, found: table.rows.count) }
        if !issues.isEmpty {
            report.issues = issues.sorted { ($0.line, $0.column ?? "") < ($1.line, $1.column ?? "") }
            return report
        }
        let width = records.first?.fields.count ?? 0
        for row in table.rows where row.fields.count != width {
            issues.append(ImportIssue(line: row.line, column: nil, code: "wrong_field_count",
                                      message: "Baris berisi \(row.fields.count) kolom; judul berisi \(width)."))
        }
        let context = ImportContext(table: table, tenant: tenant, actor: actor, at: clock(), today: today, dryRun: dryRun, issues: issues)
        return try pool.transaction(tenant: tenant) { c in
            // One import at a time per tenant and kind of structure, so the checks hold at commit.
            try OrganisationStore.lockStructure(c, tenant)
            var context = context
            let counts: ImportCounts
            switch kind {
            case .units: counts = try importUnits(c, &context)
            case .jabatan: counts = try importJabatan(c, &context)
            case .employees: counts = try importEmployees(c, &context)
            case .assignments: counts = try importAssignments(c, &context)
            }
            report.issues = context.issues.sorted { ($0.line, $0.column ?? "") < ($1.line, $1.column ?? "") }
            if report.issues.isEmpty {
                (report.created, report.updated, report.unchanged) = (counts.created, counts.updated, counts.unchanged)
            }
            return report
        }
    }
}

/// What the per-kind import functions share.
struct ImportContext {
    let table: CSVTable
    let tenant: UUID
    let actor: AuditActor
    let at: Date
    let today: CivilDate
    let dryRun: Bool
    var issues: [ImportIssue]

    /// Records an issue at `row`.
    mutating func issue(_ row: CSVRecord, _ column: String?, _ code: String, _ message: String) {
        issues.append(ImportIssue(line: row.line, column: column, code: code, message: message))
    }

    /// Records an organisation rule violation at `row`, in `column`.
    mutating func issue(_ row: CSVRecord, _ column: String, _ error: OrganisationError) {
        issue(row, column, error.code, error.message)
    }

    /// Whether writes should happen: a valid file and not a dry run.
    var shouldWrite: Bool { !dryRun && issues.isEmpty }
}

/// Created / updated / unchanged counts.
struct ImportCounts {
    var created = 0
    var updated = 0
    var unchanged = 0
}
