import Foundation

/// Field rules shared by the API, the stores and the CSV import, so a value accepted in one
/// place is accepted in all (the database checks the same patterns).
public enum OrganisationRules {
    /// A code: 1–40 of A–Z, a–z, 0–9, `.`, `_`, `-`, starting with a letter or digit.
    public static func checkCode(_ code: String, field: String = "code") -> OrganisationError? {
        let bytes = Array(code.utf8)
        func isAlnum(_ b: UInt8) -> Bool {
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
        }
        guard (1...40).contains(bytes.count), isAlnum(bytes[0]),
              bytes.allSatisfy({ isAlnum($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }) else {
            return OrganisationError(field: field, code: "invalid_code",
                                     message: "Kode harus 1–40 karakter huruf, angka, titik, garis bawah atau tanda hubung.")
        }
        return nil
    }

    /// A name: 1–200 characters after trimming.
    public static func checkName(_ name: String, field: String = "name") -> OrganisationError? {
        let count = name.trimmingCharacters(in: .whitespaces).count
        guard (1...200).contains(count), name.count <= 200 else {
            return OrganisationError(field: field, code: "invalid_name", message: "Nama wajib diisi, paling panjang 200 karakter.")
        }
        return nil
    }

    /// Functional posts have a jenjang; other posts have none.
    public static func checkJenjang(kind: JabatanKind, jenjang: JenjangFungsional?) -> OrganisationError? {
        if kind == .fungsional, jenjang == nil {
            return OrganisationError(field: "jenjang", code: "jenjang_required", message: "Jabatan fungsional wajib memiliki jenjang.")
        }
        if kind != .fungsional, jenjang != nil {
            return OrganisationError(field: "jenjang", code: "jenjang_not_allowed", message: "Hanya jabatan fungsional yang memiliki jenjang.")
        }
        return nil
    }

    /// An e-mail address, loosely: something@something, at most 254 characters.
    public static func checkEmail(_ email: String?, field: String = "email") -> OrganisationError? {
        guard let email else { return nil }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard email.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !email.contains(" ") else {
            return OrganisationError(field: field, code: "invalid_email", message: "Alamat e-mail tidak valid.")
        }
        return nil
    }
}
