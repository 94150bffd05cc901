/// `POST /v1/users`.
struct CreateUserRequest: Decodable {

    let nip: String?
    let email: String?
    let name: String
    let employeeId: String?
    let roles: [RoleGrant]?
}
