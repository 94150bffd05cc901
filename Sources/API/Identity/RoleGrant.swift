/// A role in a request body.
struct RoleGrant: Decodable {
    let role: String
    let perangkatDaerahId: String?
}
