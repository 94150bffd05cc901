/// The answer to creating a user.
struct CreatedUserView: Encodable {
    let user: UserView
    let invitation: OneTimeTokenView
}
