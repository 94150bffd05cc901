import Foundation
import HTTP
import Kinerja
import Persistence

/// `POST /v1/imports/{kind}?dryRun=true`: CSV bulk import (text/csv body). A file with any bad
/// row is answered 422 with every problem (line, column, code, message) and writes nothing; a
/// valid file is written in one transaction (200 with the counts), or only checked in a dry run.
struct ImportRoutes {
    let importer: OrganisationImporter
    let access: OrganisationAccess
    let limits: ImportLimits

    func register(on router: Router) {
        router.post("/v1/imports/:kind", bodyLimit: limits.maxBytes) { try run($0) }
    }

    func run(_ request: Request) throws -> Response {
        let caller = try access.importer(request)
        guard let kind = request.parameter("kind").flatMap(ImportKind.init(rawValue:)) else {
            throw Problem.notFound("Jenis impor tidak dikenal; gunakan units, jabatan, employees atau assignments.")
        }
        let dryRun = ["true", "1", "yes"].contains(request.query("dryRun")?.lowercased() ?? "false")
        let report = try importer.run(kind, csv: request.body, tenant: caller.tenant, actor: caller.actor,
                                      today: try access.today(caller.tenant), dryRun: dryRun)
        return try .json(ImportReportView(report), status: report.isValid ? .ok : .unprocessableContent)
    }
}

/// The import report as the API answers it.
struct ImportReportView: Encodable {
    let kind: String
    let dryRun: Bool
    let valid: Bool
    let written: Bool
    let rows: Int
    let created: Int
    let updated: Int
    let unchanged: Int
    let errors: [ImportIssue]

    init(_ r: ImportReport) {
        (kind, dryRun, valid, written, rows) = (r.kind, r.dryRun, r.isValid, r.isValid && !r.dryRun, r.rows)
        (created, updated, unchanged, errors) = (r.created, r.updated, r.unchanged, r.issues)
    }
}
