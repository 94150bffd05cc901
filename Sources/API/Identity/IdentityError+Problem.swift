import HTTP
import Persistence

// Identity errors as answers, in one place.
extension IdentityError: ProblemConvertible {
    public var problem: Problem {
        switch self {
        case .duplicate(let field):
            Problem(slug: "duplicate", title: "Sudah terdaftar", status: .conflict,
                    detail: "Pengguna lain di kabupaten ini sudah memakai nilai tersebut.",
                    errors: [Problem.FieldError(pointer: "/\(field)", code: "duplicate", message: "Sudah dipakai pengguna lain.")])
        case .passwordRejected(let violations):
            Problem.validation(violations.map { Problem.FieldError(pointer: "/newPassword", code: $0.rawValue, message: $0.message) },
                               detail: "Kata sandi baru tidak memenuhi ketentuan.")
        case .wrongCurrentPassword:
            Problem.validation([Problem.FieldError(pointer: "/currentPassword", code: "wrong_password",
                                                   message: "Kata sandi saat ini salah.")],
                               detail: "Kata sandi saat ini salah.")
        case .invalidOneTimeToken:
            Problem(slug: "invalid-one-time-token", title: "Token tidak berlaku", status: .badRequest,
                    detail: "Token tidak valid, sudah dipakai, atau sudah kedaluwarsa. Minta token baru kepada admin BKPSDM.")
        case .userNotFound:
            Problem.notFound("Pengguna tidak ditemukan.")
        case .invalidEmail:
            Problem.validation([Problem.FieldError(pointer: "/email", code: "invalid_email", message: "Alamat e-mail tidak valid.")])
        case .unknownReference(let field):
            Problem.validation([Problem.FieldError(pointer: "/\(field)", code: "not_found",
                                                   message: field == "roles" ? "Perangkat daerah tidak ditemukan di kabupaten ini."
                                                                             : "Pegawai tidak ditemukan di kabupaten ini.")])
        }
    }
}

extension TenantRegistryStore.Failure: ProblemConvertible {
    public var problem: Problem {
        switch self {
        case .slugTaken:
            Problem(slug: "duplicate", title: "Sudah terdaftar", status: .conflict, detail: "Kode kabupaten sudah dipakai.",
                    errors: [Problem.FieldError(pointer: "/slug", code: "duplicate", message: "Sudah dipakai.")])
        case .notFound:
            Problem.notFound("Kabupaten tidak ditemukan.")
        }
    }
}
