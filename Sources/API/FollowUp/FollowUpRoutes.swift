import Foundation
import HTTP
import Kinerja
import Persistence

/// Follow-up of evaluation results (issue 5 item 5; Perbup Tanah Laut 2024 Pasal 26–34): ranking
/// in a unit, rewards, improvement windows, the TPP basis for payroll and credit points. Tenant
/// admins see the tenant; a pengelola kinerja their perangkat daerah; everyone else gets 403.
struct FollowUpRoutes {
    let store: FollowUpStore
    let auth: Authenticator
    let rules: StoreSKPRules
    let now: @Sendable () -> Date
    let idempotency: Idempotency

    /// Notes are at most 2,000 characters (migration 0015).
    static let notesLimit = 2000

    /// The refusal for everyone but the tenant admin and the unit's pengelola kinerja.
    static let notPermitted = Problem(
        slug: "follow-up-not-permitted", title: "Tindakan tidak diizinkan", status: .forbidden,
        detail: "Tindak lanjut hasil evaluasi kinerja dikelola oleh admin BKPSDM (seluruh kabupaten) atau pengelola kinerja "
            + "perangkat daerah yang bersangkutan. (Perbup Tanah Laut 2024 Pasal 27 ayat (1): pelaporan kepada unit yang "
            + "membidangi kepegawaian)")

    func register(on router: Router) {
        router.get("/v1/evaluation-periods/:id/ranking") { request in try ranking(request) }
        router.get("/v1/evaluation-periods/:id/rewards") { request in try rewards(request) }
        router.post("/v1/evaluations/:id/rewards", idempotency.wrap { request in try grantReward(request) })
        router.post("/v1/evaluation-periods/:id/improvement-windows/generate") { request in try generate(request) }
        router.get("/v1/improvement-windows") { request in try windows(request) }
        router.post("/v1/improvement-windows/:id/outcome") { request in try outcome(request) }
        router.get("/v1/evaluation-periods/:id/tpp.csv") { request in try tpp(request) }
        router.get("/v1/evaluation-periods/:id/credit-points") { request in try creditPoints(request) }
    }

    /// `GET …/ranking?perangkatDaerah=` or `?unitKerja=`.
    func ranking(_ request: Request) throws -> Response {
        let caller = try FollowUpCaller(try auth.principal(request))
        let period = try Self.id(request)
        let unitKerja = try Self.uuidQuery(request, "unitKerja")
        var perangkatDaerah = try Self.uuidQuery(request, "perangkatDaerah")
        if let unitKerja {
            guard let owner = try store.perangkatDaerah(ofUnitKerja: unitKerja, tenant: caller.tenantID) else {
                throw FollowUpStoreError.unitNotFound
            }
            perangkatDaerah = owner
        }
        guard let perangkatDaerah else {
            throw Problem.badRequest("Sebutkan perangkatDaerah atau unitKerja.", errors: [.init(pointer: "/perangkatDaerah",
                code: "required", message: "Pemeringkatan dilakukan di dalam satu perangkat daerah atau unit kerja (Perbup Tanah Laut 2024 Pasal 29).")])
        }
        try caller.require(.perangkatDaerah(perangkatDaerah))
        return try Response.json(try store.ranking(tenant: caller.tenantID, period: period,
                                                   perangkatDaerah: unitKerja == nil ? perangkatDaerah : nil, unitKerja: unitKerja))
    }

    /// `GET …/rewards?perangkatDaerah=`.
    func rewards(_ request: Request) throws -> Response {
        let caller = try FollowUpCaller(try auth.principal(request))
        let perangkatDaerah = try Self.uuidQuery(request, "perangkatDaerah")
        try caller.require(perangkatDaerah.map(FollowUpScope.perangkatDaerah) ?? .tenant)
        let items = try store.rewards(tenant: caller.tenantID, period: try Self.id(request), perangkatDaerah: perangkatDaerah)
        return try Response.json(ItemsPage(items: items))
    }

    /// `POST /v1/evaluations/{id}/rewards`: record a reward for a final Sangat Baik result.
    func grantReward(_ request: Request) throws -> Response {
        let caller = try FollowUpCaller(try auth.principal(request))
        let body = try request.decode(RewardBody.self)
        var errors: [Problem.FieldError] = []
        if !RewardRecord.kinds.contains(body.kind) {
            errors.append(.init(pointer: "/kind", code: "invalid_value",
                                message: "Salah satu dari: " + RewardRecord.kinds.joined(separator: ", ") + "."))
        }
        if let notes = body.notes, notes.count > Self.notesLimit {
            errors.append(.init(pointer: "/notes", code: "too-long", message: "Paling banyak \(Self.notesLimit) karakter."))
        }
        guard errors.isEmpty else {
            throw Problem.validation(errors, detail: "Penghargaan tidak dapat dicatat. (Perbup Tanah Laut 2024 Pasal 30 ayat (1) dan (3))")
        }
        let record = try store.grantReward(tenant: caller.tenantID, evaluation: try Self.id(request), kind: body.kind,
                                           notes: body.notes, by: caller.userID, at: now(),
                                           permits: caller.permits(perangkatDaerah:))
        return try Response.json(record, status: .created)
    }

    /// `POST …/improvement-windows/generate?perangkatDaerah=`: open the windows a final annual period calls for.
    func generate(_ request: Request) throws -> Response {
        let caller = try FollowUpCaller(try auth.principal(request))
        let perangkatDaerah = try Self.uuidQuery(request, "perangkatDaerah")
        try caller.require(perangkatDaerah.map(FollowUpScope.perangkatDaerah) ?? .tenant)
        let id = try Self.id(request)
        guard let period = try store.period(tenant: caller.tenantID, id: id) else { throw FollowUpStoreError.periodNotFound }
        let ruleSet = try rules.ruleSet(tenant: caller.tenantID, on: period.end).ruleSet
        return try Response.json(try store.generateImprovementWindows(tenant: caller.tenantID, period: id,
                                                                      perangkatDaerah: perangkatDaerah,
                                                                      timeZone: ruleSet.resolvedTimeZone,
                                                                      by: caller.userID, at: now()))
    }

    /// `GET /v1/improvement-windows?status=open|ending|closed|all&perangkatDaerah=&limit=`.
    func windows(_ request: Request) throws -> Response {
        let caller = try FollowUpCaller(try auth.principal(request))
        let perangkatDaerah = try Self.uuidQuery(request, "perangkatDaerah")
        try caller.require(perangkatDaerah.map(FollowUpScope.perangkatDaerah) ?? .tenant)
        guard let filter = FollowUpStore.WindowFilter(rawValue: request.query("status") ?? "open") else {
            throw Problem.badRequest("Status tidak dikenal.", errors: [.init(pointer: "/status", code: "invalid_value",
                message: "Salah satu dari: " + FollowUpStore.WindowFilter.allCases.map(\.rawValue).joined(separator: ", ") + ".")])
        }
        let items = try store.improvementWindows(tenant: caller.tenantID, filter: filter, today: try today(caller),
                                                 perangkatDaerah: perangkatDaerah, limit: try Self.limit(request))
        return try Response.json(ItemsPage(items: items))
    }

    /// `POST /v1/improvement-windows/{id}/outcome`.
    func outcome(_ request: Request) throws -> Response {
        let caller = try FollowUpCaller(try auth.principal(request))
        let body = try request.decode(OutcomeBody.self)
        guard let outcome = ImprovementOutcome(rawValue: body.outcome) else {
            throw Problem.validation([.init(pointer: "/outcome", code: "invalid_value",
                message: "Salah satu dari: " + ImprovementOutcome.allCases.map(\.rawValue).joined(separator: ", ") + ".")])
        }
        if let notes = body.notes, notes.count > Self.notesLimit {
            throw Problem.validation([.init(pointer: "/notes", code: "too-long", message: "Paling banyak \(Self.notesLimit) karakter.")])
        }
        if outcome != .improved, (body.notes ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw Problem.validation([.init(pointer: "/notes", code: "required",
                message: "Catatan wajib untuk hasil selain 'improved': dasar uji kompetensi atau pembatalan.")],
                detail: "Tanpa perbaikan kinerja, pegawai mengikuti uji kompetensi; catatan menjadi dasarnya. "
                    + "(Perbup Tanah Laut 2024 Pasal 33 huruf c, Pasal 34 huruf c)")
        }
        let record = try store.recordOutcome(tenant: caller.tenantID, window: try Self.id(request), outcome: outcome,
                                             notes: body.notes, by: caller.userID, at: now(), today: try today(caller),
                                             permits: caller.permits(perangkatDaerah:))
        return try Response.json(record)
    }

    /// `GET …/tpp.csv`: the TPP basis for payroll (tenant admin only), RFC 4180 with a formula guard.
    func tpp(_ request: Request) throws -> Response {
        let caller = try FollowUpCaller(try auth.principal(request))
        try caller.require(.tenant)
        let (period, rows) = try store.tppBasis(tenant: caller.tenantID, period: try Self.id(request))
        var csv = CSVText.record(TPPBasisRow.header)
        csv.reserveCapacity(rows.count * 160)
        for row in rows { csv += CSVText.record(row.fields) }
        var response = Response.bytes(Array(csv.utf8), contentType: "text/csv; charset=utf-8")
        response.headers.add(name: "Content-Disposition",
                             value: "attachment; filename=\"tpp-\(period.startsOn)-\(period.kind).csv\"")
        return response
    }

    /// `GET …/credit-points?perangkatDaerah=`.
    func creditPoints(_ request: Request) throws -> Response {
        let caller = try FollowUpCaller(try auth.principal(request))
        let perangkatDaerah = try Self.uuidQuery(request, "perangkatDaerah")
        try caller.require(perangkatDaerah.map(FollowUpScope.perangkatDaerah) ?? .tenant)
        return try Response.json(try store.creditPoints(tenant: caller.tenantID, period: try Self.id(request),
                                                        perangkatDaerah: perangkatDaerah))
    }

    // MARK: - Helpers

    /// A list answer: `{"items": [...]}`.
    struct ItemsPage<Item: Encodable>: Encodable { var items: [Item] }

    private func today(_ caller: FollowUpCaller) throws -> CivilDate {
        let instant = now()
        let ruleSet = try rules.ruleSet(tenant: caller.tenantID, on: CivilDate(instant: instant, in: .gmt)).ruleSet
        return CivilDate(instant: instant, in: ruleSet.resolvedTimeZone)
    }

    static func id(_ request: Request) throws -> UUID {
        guard let id = request.parameter("id").flatMap(UUID.init(uuidString:)) else { throw Problem.notFound() }
        return id
    }

    static func uuidQuery(_ request: Request, _ name: String) throws -> UUID? {
        guard let text = request.query(name) else { return nil }
        guard let id = UUID(uuidString: text) else {
            throw Problem.badRequest("\(name) bukan UUID.", errors: [.init(pointer: "/\(name)", code: "invalid_value",
                                                                          message: "Harus berupa UUID.")])
        }
        return id
    }

    private static func limit(_ request: Request) throws -> Int {
        guard let text = request.query("limit") else { return 200 }
        guard let limit = Int(text), (1...1000).contains(limit) else {
            throw Problem.badRequest("limit harus di antara 1 dan 1000.", errors: [.init(pointer: "/limit", code: "out-of-range",
                message: "Antara 1 dan 1000.")])
        }
        return limit
    }
}
