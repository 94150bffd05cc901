import Foundation
import HTTP
import Kinerja
import Persistence

/// A tenant's holiday calendar: national days and cuti bersama (read-only here) and its own days
/// (libur daerah), which its admins maintain (domain.md, "Working days and time zones").
struct HolidayRoutes {
    let holidays: HolidayStore
    let registry: TenantRegistryStore
    let auth: Authenticator
    let now: @Sendable () -> Date
    let idempotency: Idempotency

    func register(on router: Router) {
        router.get("/v1/holidays") { request in try list(request) }
        router.post("/v1/holidays", bodyLimit: 4096, idempotency.wrap { request in try add(request) })
        router.delete("/v1/holidays/:date") { request in try remove(request) }
    }

    /// `GET /v1/holidays?year=YYYY` (default: this year in the tenant's zone).
    func list(_ request: Request) throws -> Response {
        let id = try auth.require(request, .viewRuleSets).tenant()
        let year: Int
        if let text = request.query("year") {
            guard let value = Int(text), HolidayStore.years.contains(value) else {
                throw Problem.validation([.init(pointer: "/year", code: "out_of_range",
                                                message: "Tahun \(HolidayStore.years.lowerBound)–\(HolidayStore.years.upperBound).")])
            }
            year = value
        } else {
            guard let tenant = try registry.tenant(id: id) else { throw Problem.notFound("Kabupaten tidak ditemukan.") }
            year = tenant.civilDate(at: now()).year
        }
        let records = try holidays.holidays(tenant: id, year: year)
        let complete = try holidays.coveredYears(year...year).contains(year)
        return try .json(HolidayYearView(year: year, nationalListComplete: complete, items: records.map(HolidayView.init)))
    }

    /// `POST /v1/holidays` `{"date", "name", "decree"}`: a day off of the caller's tenant.
    func add(_ request: Request) throws -> Response {
        let principal = try auth.require(request, Self.manage)
        let tenant = try principal.tenant()
        let body = try request.decode(HolidayRequest.self)
        let record = try holidays.addTenantHoliday(tenant: tenant, date: try body.civilDate(), name: body.name,
                                                   decree: body.decree, by: .user(principal.userID), at: now())
        return try .json(HolidayView(record), status: .created)
    }

    /// `DELETE /v1/holidays/{date}`: removes the tenant's own day; national days are not the tenant's.
    func remove(_ request: Request) throws -> Response {
        let principal = try auth.require(request, Self.manage)
        let tenant = try principal.tenant()
        guard let date = request.parameter("date").flatMap(CivilDate.init(iso:)),
              try holidays.removeTenantHoliday(tenant: tenant, date: date, by: .user(principal.userID), at: now()) else {
            throw Problem.notFound("Kabupaten ini tidak mempunyai hari libur daerah pada tanggal tersebut.")
        }
        return .empty()
    }

    // The policy has no action of its own for the calendar; keeping it is tenant administration
    // like the organisation, which only the BKPSDM admin may do (and central admins may not).
    private static let manage = Action.manageOrganisation
}
