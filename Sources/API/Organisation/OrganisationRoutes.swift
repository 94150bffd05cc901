import Foundation
import HTTP
import Kinerja
import Persistence

/// Perangkat daerah, units and jabatan: tenant admins manage them, every user of the tenant
/// reads them. Nothing is deleted: `active: false` retires a record and keeps its history.
struct OrganisationRoutes {
    let organisation: OrganisationStore
    let access: OrganisationAccess
    let idempotency: Idempotency

    static let bodyLimit = 16 * 1024

    func register(on router: Router) {
        router.post("/v1/perangkat-daerah", bodyLimit: Self.bodyLimit, idempotency.wrap { try createPerangkatDaerah($0) })
        router.get("/v1/perangkat-daerah") { try listPerangkatDaerah($0) }
        router.get("/v1/perangkat-daerah/:id") { try showPerangkatDaerah($0) }
        router.put("/v1/perangkat-daerah/:id", bodyLimit: Self.bodyLimit) { try updatePerangkatDaerah($0) }
        router.post("/v1/units", bodyLimit: Self.bodyLimit, idempotency.wrap { try createUnit($0) })
        router.get("/v1/units") { try listUnits($0) }
        router.get("/v1/units/:id") { try showUnit($0) }
        router.put("/v1/units/:id", bodyLimit: Self.bodyLimit) { try updateUnit($0) }
        router.post("/v1/jabatan", bodyLimit: Self.bodyLimit, idempotency.wrap { try createJabatan($0) })
        router.get("/v1/jabatan") { try listJabatan($0) }
        router.get("/v1/jabatan/:id") { try showJabatan($0) }
        router.put("/v1/jabatan/:id", bodyLimit: Self.bodyLimit) { try updateJabatan($0) }
    }

    // MARK: Perangkat daerah

    func createPerangkatDaerah(_ request: Request) throws -> Response {
        let caller = try access.manager(request)
        let body = try request.decode(PerangkatDaerahRequest.self)
        let value = try organisation.createPerangkatDaerah(tenant: caller.tenant, actor: caller.actor, code: body.code ?? "", name: body.name)
        return try .json(PerangkatDaerahView(value), status: .created)
    }

    func listPerangkatDaerah(_ request: Request) throws -> Response {
        let caller = try access.member(request)
        let page = try request.pageRequest()
        return try .json(organisation.listPerangkatDaerah(tenant: caller.tenant, after: page.after, limit: page.limit).view(PerangkatDaerahView.init))
    }

    func showPerangkatDaerah(_ request: Request) throws -> Response {
        let caller = try access.member(request)
        guard let value = try organisation.perangkatDaerah(tenant: caller.tenant, id: try request.uuidParameter("id", "Perangkat daerah")) else {
            throw OrganisationError.notFound("Perangkat daerah")
        }
        return try .json(PerangkatDaerahView(value))
    }

    func updatePerangkatDaerah(_ request: Request) throws -> Response {
        let caller = try access.manager(request)
        let id = try request.uuidParameter("id", "Perangkat daerah")
        let body = try request.decode(PerangkatDaerahRequest.self)
        return try .json(PerangkatDaerahView(organisation.updatePerangkatDaerah(tenant: caller.tenant, actor: caller.actor, id: id,
                                                                                name: body.name, active: body.active ?? true)))
    }

    // MARK: Units

    func createUnit(_ request: Request) throws -> Response {
        let caller = try access.manager(request)
        let body = try request.decode(UnitKerjaRequest.self)
        guard let pd = body.perangkatDaerahId else {
            throw Problem.validation([Problem.FieldError(pointer: "/perangkatDaerahId", code: "required", message: "Wajib diisi.")])
        }
        let value = try organisation.createUnit(tenant: caller.tenant, actor: caller.actor, perangkatDaerahID: pd, parentID: body.parentId,
                                                code: body.code ?? "", name: body.name)
        return try .json(UnitKerjaView(value), status: .created)
    }

    func listUnits(_ request: Request) throws -> Response {
        let caller = try access.member(request)
        let page = try request.pageRequest()
        return try .json(organisation.listUnits(tenant: caller.tenant, perangkatDaerahID: try request.uuidQuery("perangkatDaerahId"),
                                                after: page.after, limit: page.limit).view(UnitKerjaView.init))
    }

    func showUnit(_ request: Request) throws -> Response {
        let caller = try access.member(request)
        guard let value = try organisation.unit(tenant: caller.tenant, id: try request.uuidParameter("id", "Unit kerja")) else {
            throw OrganisationError.notFound("Unit kerja")
        }
        return try .json(UnitKerjaView(value))
    }

    func updateUnit(_ request: Request) throws -> Response {
        let caller = try access.manager(request)
        let id = try request.uuidParameter("id", "Unit kerja")
        let body = try request.decode(UnitKerjaRequest.self)
        return try .json(UnitKerjaView(organisation.updateUnit(tenant: caller.tenant, actor: caller.actor, id: id, parentID: body.parentId,
                                                               name: body.name, active: body.active ?? true)))
    }

    // MARK: Jabatan

    func createJabatan(_ request: Request) throws -> Response {
        let caller = try access.manager(request)
        let b = try request.decode(JabatanRequest.self)
        let value = try organisation.createJabatan(tenant: caller.tenant, actor: caller.actor, unitKerjaID: b.unitKerjaId, superiorID: b.superiorId,
                                                   code: b.code ?? "", name: b.name, kind: b.kind, jenjang: b.jenjang)
        return try .json(JabatanView(value), status: .created)
    }

    func listJabatan(_ request: Request) throws -> Response {
        let caller = try access.member(request)
        let page = try request.pageRequest()
        return try .json(organisation.listJabatan(tenant: caller.tenant, unitKerjaID: try request.uuidQuery("unitKerjaId"),
                                                  after: page.after, limit: page.limit).view(JabatanView.init))
    }

    func showJabatan(_ request: Request) throws -> Response {
        let caller = try access.member(request)
        guard let value = try organisation.jabatan(tenant: caller.tenant, id: try request.uuidParameter("id", "Jabatan")) else {
            throw OrganisationError.notFound("Jabatan")
        }
        return try .json(JabatanView(value))
    }

    func updateJabatan(_ request: Request) throws -> Response {
        let caller = try access.manager(request)
        let id = try request.uuidParameter("id", "Jabatan")
        let b = try request.decode(JabatanRequest.self)
        return try .json(JabatanView(organisation.updateJabatan(tenant: caller.tenant, actor: caller.actor, id: id, unitKerjaID: b.unitKerjaId,
                                                                superiorID: b.superiorId, name: b.name, kind: b.kind, jenjang: b.jenjang,
                                                                active: b.active ?? true)))
    }
}
