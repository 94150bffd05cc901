import Foundation
import Kinerja
import Postgres

/// Reads the national holiday lists and reads and writes tenants' own holidays (migration 0006).
///
/// Working days are Monday–Friday (Perpres 21/2023) minus national holidays and cuti bersama minus
/// the tenant's own days (domain.md, "Working days and time zones"): `calendar(tenant:years:)` puts
/// both lists into the domain's `HolidayCalendar`. National lists are written only by the seed and
/// operators (owner's connection); tenant admins maintain their own days here.
public struct HolidayStore: Sendable {
    /// The years a holiday may fall in.
    public static let years = 2000...2200
    /// The longest name the database accepts.
    public static let nameLimit = 200
    /// The longest decree reference the database accepts.
    public static let decreeLimit = 500

    private let pool: PostgresPool

    /// A store over `pool`.
    public init(pool: PostgresPool) { self.pool = pool }

    /// The national holidays and those of tenant `tenant` (its id) in `year`, by date.
    public func holidays(tenant: UUID, year: Int) throws -> [HolidayRecord] {
        try pool.transaction(tenant: tenant, readOnly: true) { connection in
            try Self.records(tenant: tenant, years: year...year, on: connection)
        }
    }

    /// The tenant's calendar for `years`: national days, cuti bersama and its own days, with the
    /// years whose national lists are complete (so the domain can flag deadlines beyond them).
    public func calendar(tenant: UUID, years: ClosedRange<Int>) throws -> HolidayCalendar {
        try pool.transaction(tenant: tenant, readOnly: true) { connection in
            let holidays = try Self.records(tenant: tenant, years: years, on: connection).map(\.holiday)
            return HolidayCalendar(holidays: holidays, coveredYears: try Self.coveredYears(years, on: connection))
        }
    }

    /// The years among `years` whose national lists are complete (`national_holiday_years`).
    public func coveredYears(_ years: ClosedRange<Int>) throws -> Set<Int> {
        try pool.withConnection(retryOnConnectionLoss: true) { connection in
            try Self.coveredYears(years, on: connection)
        }
    }

    /// Adds a day off of `tenant` (libur daerah); refuses a second one on the same date.
    /// Adds a day off of `tenant` (libur daerah); refuses a second one on the same date. The change
    /// goes into the tenant's audit log: it moves every working-day deadline across it.
    public func addTenantHoliday(tenant: UUID, date: CivilDate, name: String, decree: String,
                                 by actor: AuditActor, at instant: Date) throws -> HolidayRecord {
        try Self.check(date: date, name: name, decree: decree)
        let record = HolidayRecord(holiday: Holiday(date: date, name: name, kind: .tenant), decree: decree)
        do {
            try pool.transaction(tenant: tenant) { connection in
                _ = try connection.execute("""
                    INSERT INTO tenant_holidays (tenant_id, date, name, decree, created_by)
                    VALUES (\(tenant), \(PostgresDate(date)), \(name), \(decree), \(actor.description))
                    """)
                try AuditLog.append(AuditChange(action: "create", entity: "tenant_holiday", entityID: date.description,
                                                before: nil, after: try AuditChange.json(AuditRecord(record))),
                                    tenant: tenant, actor: actor, at: instant, on: connection)
            }
        } catch let error as PostgresError where error.kind == .uniqueViolation {
            throw HolidayStoreError.duplicate(date)
        }
        return record
    }

    /// Removes `tenant`'s own day off on `date`; false when there was none. National days stay.
    public func removeTenantHoliday(tenant: UUID, date: CivilDate, by actor: AuditActor, at instant: Date) throws -> Bool {
        try pool.transaction(tenant: tenant) { connection in
            let rows = try connection.query("""
                DELETE FROM tenant_holidays WHERE tenant_id = \(tenant) AND date = \(PostgresDate(date))
                RETURNING name, decree
                """)
            guard let row = rows.first else { return false }
            let (name, decree) = try row.decode((String, String).self)
            let removed = HolidayRecord(holiday: Holiday(date: date, name: name, kind: .tenant), decree: decree)
            try AuditLog.append(AuditChange(action: "delete", entity: "tenant_holiday", entityID: date.description,
                                            before: try AuditChange.json(AuditRecord(removed)), after: nil),
                                tenant: tenant, actor: actor, at: instant, on: connection)
            return true
        }
    }

    /// What the audit log keeps of a tenant holiday.
    struct AuditRecord: Encodable {
        let date: String
        let name: String
        let decree: String

        init(_ record: HolidayRecord) {
            date = record.holiday.date.description
            name = record.holiday.name
            decree = record.decree
        }
    }

    /// Checks a tenant holiday's fields, reporting every problem with its JSON path.
    public static func check(date: CivilDate, name: String, decree: String) throws(HolidayStoreError) {
        var issues: [ValidationIssue] = []
        if !years.contains(date.year) {
            issues.append(ValidationIssue(path: "$.date", code: .outOfRange,
                                          message: "tahun harus di antara \(years.lowerBound) dan \(years.upperBound)"))
        }
        for (key, value, limit) in [("name", name, nameLimit), ("decree", decree, decreeLimit)] {
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty {
                issues.append(ValidationIssue(path: "$.\(key)", code: .required, message: "wajib diisi"))
            } else if value.count > limit {
                issues.append(ValidationIssue(path: "$.\(key)", code: .outOfRange,
                                              message: "paling banyak \(limit) karakter"))
            }
        }
        if !issues.isEmpty { throw .invalid(ValidationFailure(issues: issues)) }
    }

    static func coveredYears(_ years: ClosedRange<Int>, on connection: PostgresConnection) throws -> Set<Int> {
        let rows = try connection.query("""
            SELECT year FROM national_holiday_years WHERE year BETWEEN \(years.lowerBound) AND \(years.upperBound)
            """)
        return Set(try rows.map { try $0.decode(Int.self, at: 0) })
    }

    /// National days (every tenant sees them) and the tenant's own (row-level security), in `years`.
    static func records(tenant: UUID, years: ClosedRange<Int>, on connection: PostgresConnection) throws -> [HolidayRecord] {
        let first = PostgresDate(CivilDate(year: years.lowerBound, month: 1, day: 1) ?? CivilDate(daysSinceEpoch: 0))
        let last = PostgresDate(CivilDate(year: years.upperBound, month: 12, day: 31) ?? CivilDate(daysSinceEpoch: 0))
        let rows = try connection.query("""
            SELECT date, name, kind, decree FROM national_holidays WHERE date BETWEEN \(first) AND \(last)
            UNION ALL
            SELECT date, name, kind, decree FROM tenant_holidays
             WHERE tenant_id = \(tenant) AND date BETWEEN \(first) AND \(last)
            ORDER BY 1, 3, 2
            """)
        return try rows.map { row in
            let (date, name, kind, decree) = try row.decode((PostgresDate, String, String, String).self)
            guard let kind = Holiday.Kind(rawValue: kind) else {
                throw PostgresError(kind: .client, debugMessage: "unknown holiday kind \(kind)")
            }
            return HolidayRecord(holiday: Holiday(date: CivilDate(date), name: name, kind: kind), decree: decree)
        }
    }
}
