/// `PATCH /v1/users/{id}`.
struct UpdateUserRequest: Decodable {
    let name: String?
    let active: Bool?
    let roles: [RoleGrant]?
}
