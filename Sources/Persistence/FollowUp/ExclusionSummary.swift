import Foundation
import Postgres

/// How many of a period's employees (in a scope) were excluded and why (issue 5 item 6: every
/// report says so). The reasons are the coverage decision's, as the evaluation core stored them
/// in `evaluations.excluded_reasons` ([{code, message, basis}], basis a string or
/// {regulation, article}); an employee with two reasons counts under both.
public struct ExclusionSummary: Sendable, Equatable, Encodable {
    /// One reason and how many it excluded.
    public struct Reason: Sendable, Equatable, Encodable {
        /// Stable code, e.g. `tugas-belajar`.
        public var code: String
        /// The article, when stored.
        public var basis: String?
        /// Employees excluded for it.
        public var count: Int
        /// One message as stored, for people.
        public var example: String?
    }

    /// Employees excluded.
    public var count: Int
    /// By reason.
    public var reasons: [Reason]

    /// The summary for `period`, limited to a perangkat daerah or unit kerja (snapshots at opening) when given.
    static func load(period: UUID, perangkatDaerah: UUID?, unitKerja: UUID? = nil, on c: PostgresConnection) throws -> ExclusionSummary {
        let count = try c.query("""
            SELECT count(*)::int FROM evaluations ev
             WHERE ev.period_id = \(period) AND ev.status = 'excluded'
               AND (\(perangkatDaerah)::uuid IS NULL OR ev.perangkat_daerah_id = \(perangkatDaerah))
               AND (\(unitKerja)::uuid IS NULL OR ev.unit_kerja_id = \(unitKerja))
            """).first?.decode(Int.self, at: 0) ?? 0
        let reasons = try c.query("""
            SELECT coalesce(r->>'code', 'tanpa-kode'),
                   CASE jsonb_typeof(r->'basis') WHEN 'string' THEN r->>'basis'
                        WHEN 'object' THEN nullif(concat_ws(' ', r->'basis'->>'regulation', r->'basis'->>'article'), '') END AS basis,
                   count(*)::int, min(r->>'message')
              FROM evaluations ev
             CROSS JOIN LATERAL jsonb_array_elements(CASE jsonb_typeof(ev.excluded_reasons) WHEN 'array'
                                                          THEN ev.excluded_reasons ELSE '[]'::jsonb END) r
             WHERE ev.period_id = \(period) AND ev.status = 'excluded'
               AND (\(perangkatDaerah)::uuid IS NULL OR ev.perangkat_daerah_id = \(perangkatDaerah))
               AND (\(unitKerja)::uuid IS NULL OR ev.unit_kerja_id = \(unitKerja))
             GROUP BY 1, 2 ORDER BY 1, 2
             LIMIT 100
            """).map { row in
            let (code, basis, count, example) = try row.decode((String, String?, Int, String?).self)
            return Reason(code: code, basis: basis, count: count, example: example)
        }
        return ExclusionSummary(count: count, reasons: reasons)
    }
}
