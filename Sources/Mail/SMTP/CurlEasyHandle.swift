import CCurl

/// Owns one libcurl easy handle (`CURL*`) and the connection libcurl keeps in it.
// @unchecked Sendable: libcurl lets a handle move between threads but not be used by two at once;
// a transfer takes the handle out of `SMTPClient`'s idle list and puts it back when done, so one
// thread holds it at a time.
final class CurlEasyHandle: @unchecked Sendable {
    let raw: UnsafeMutableRawPointer

    /// `curl_global_init` must run once before any other libcurl call and is not safe to race
    /// (libcurl docs); a static let is initialized exactly once, thread-safely, on first use.
    static let globalInitResult: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

    /// A new handle, or an error when libcurl could not be initialized.
    init() throws(SMTPError) {
        let initCode = CurlEasyHandle.globalInitResult
        guard initCode == CURLE_OK else {
            throw SMTPError(kind: .other, curlCode: Int(initCode.rawValue), isTransient: false, detail: "libcurl global init failed")
        }
        guard let handle = curl_easy_init() else {
            throw SMTPError(kind: .other, isTransient: true, detail: "curl_easy_init failed")
        }
        raw = handle
    }

    deinit { curl_easy_cleanup(raw) }

    /// Clears every option set for the previous transfer; the live connection stays.
    func reset() { curl_easy_reset(raw) }

    func set(_ option: CURLoption, _ value: Int) throws(SMTPError) {
        try check(kinerja_curl_setopt_long(raw, option, value))
    }

    func set(_ option: CURLoption, offset value: Int64) throws(SMTPError) {
        try check(kinerja_curl_setopt_off(raw, option, curl_off_t(value)))
    }

    func set(_ option: CURLoption, _ value: String) throws(SMTPError) {
        // libcurl copies string options (CURLOPT docs: "the string is copied"), so the
        // temporary C string may go away after the call.
        try check(kinerja_curl_setopt_string(raw, option, value))
    }

    func set(_ option: CURLoption, pointer value: UnsafeMutableRawPointer?) throws(SMTPError) {
        try check(kinerja_curl_setopt_pointer(raw, option, value))
    }

    func set(_ option: CURLoption, list value: UnsafeMutablePointer<curl_slist>?) throws(SMTPError) {
        try check(kinerja_curl_setopt_slist(raw, option, value))
    }

    func set(_ option: CURLoption, callback value: kinerja_curl_io_callback) throws(SMTPError) {
        try check(kinerja_curl_setopt_callback(raw, option, value))
    }

    /// The last response code of the transfer (for SMTP, the last reply code), 0 if none.
    var responseCode: Int {
        var code = 0
        return kinerja_curl_getinfo_long(raw, CURLINFO_RESPONSE_CODE, &code) == CURLE_OK ? code : 0
    }

    private func check(_ code: CURLcode) throws(SMTPError) {
        guard code == CURLE_OK else {
            throw SMTPError(curlCode: Int(code.rawValue), responseCode: 0, detail: CurlEasyHandle.text(code))
        }
    }

    /// libcurl's static, generic text for a code (contains no data from the transfer).
    static func text(_ code: CURLcode) -> String {
        guard let text = curl_easy_strerror(code) else { return "error" }
        return String(cString: text)
    }
}
