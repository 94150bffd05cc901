/// Why a request could not be read. Each case maps to one status; the connection closes after
/// the error response, since the message framing can no longer be trusted (RFC 9112 section 11.2).
public enum HTTPParseError: Error, Sendable, Equatable, CaseIterable {
    /// The request line is not `method SP request-target SP HTTP-version` (RFC 9112 section 3).
    case invalidRequestLine
    /// The method is not a token.
    case invalidMethod
    /// The request-target has a forbidden byte or an unsupported form.
    case invalidTarget
    /// A major version other than 1 (RFC 9110 section 15.6.6).
    case unsupportedVersion
    /// The request line is longer than the limit.
    case requestLineTooLong
    /// The header section is longer than the limit.
    case headerSectionTooLarge
    /// More header fields than the limit.
    case tooManyHeaders
    /// A field name with a non-token byte, or an empty one.
    case invalidFieldName
    /// Whitespace between a field name and the colon (RFC 9112 section 5.1).
    case whitespaceBeforeColon
    /// A field line starting with whitespace (obs-fold, RFC 9112 section 5.2).
    case obsoleteLineFolding
    /// A control character in a field value.
    case invalidFieldValue
    /// A line that ends in a bare LF or contains a bare CR (RFC 9112 section 2.2).
    case invalidLineEnding
    /// HTTP/1.1 without Host, or more than one Host (RFC 9112 section 3.2).
    case invalidHost
    /// A Content-Length that is not a number or overflows (RFC 9110 section 8.6).
    case invalidContentLength
    /// Several Content-Length values that differ.
    case conflictingContentLength
    /// Both Content-Length and Transfer-Encoding (RFC 9112 section 6.3, request smuggling).
    case contentLengthWithTransferEncoding
    /// A transfer coding other than a single `chunked`.
    case unsupportedTransferEncoding
    /// Transfer-Encoding in an HTTP/1.0 request (RFC 9112 section 6.1).
    case transferEncodingInHTTP10
    /// A chunk-size line that is not hexadecimal, overflows, or is too long (RFC 9112 section 7.1).
    case invalidChunkSize
    /// Chunk data not followed by CRLF.
    case invalidChunkData
    /// The body is larger than the route allows.
    case contentTooLarge

    /// The response status for this error.
    public var status: HTTPStatus {
        switch self {
        case .unsupportedVersion: .httpVersionNotSupported
        case .requestLineTooLong: .uriTooLong
        case .headerSectionTooLarge, .tooManyHeaders: .requestHeaderFieldsTooLarge
        case .contentTooLarge: .contentTooLarge
        default: .badRequest
        }
    }

    /// A stable machine-readable code, sent in the problem's `errors`.
    public var code: String {
        switch self {
        case .invalidRequestLine: "invalid_request_line"
        case .invalidMethod: "invalid_method"
        case .invalidTarget: "invalid_target"
        case .unsupportedVersion: "unsupported_version"
        case .requestLineTooLong: "request_line_too_long"
        case .headerSectionTooLarge: "header_section_too_large"
        case .tooManyHeaders: "too_many_headers"
        case .invalidFieldName: "invalid_field_name"
        case .whitespaceBeforeColon: "whitespace_before_colon"
        case .obsoleteLineFolding: "obsolete_line_folding"
        case .invalidFieldValue: "invalid_field_value"
        case .invalidLineEnding: "invalid_line_ending"
        case .invalidHost: "invalid_host"
        case .invalidContentLength: "invalid_content_length"
        case .conflictingContentLength: "conflicting_content_length"
        case .contentLengthWithTransferEncoding: "content_length_with_transfer_encoding"
        case .unsupportedTransferEncoding: "unsupported_transfer_encoding"
        case .transferEncodingInHTTP10: "transfer_encoding_in_http10"
        case .invalidChunkSize: "invalid_chunk_size"
        case .invalidChunkData: "invalid_chunk_data"
        case .contentTooLarge: "content_too_large"
        }
    }

    /// What went wrong, for people (Bahasa Indonesia).
    public var detail: String {
        switch self {
        case .invalidRequestLine: "Baris permintaan tidak sesuai format HTTP/1.1."
        case .invalidMethod: "Metode permintaan tidak valid."
        case .invalidTarget: "Alamat permintaan tidak valid."
        case .unsupportedVersion: "Versi HTTP tidak didukung; gunakan HTTP/1.1."
        case .requestLineTooLong: "Baris permintaan terlalu panjang."
        case .headerSectionTooLarge: "Bagian header permintaan terlalu besar."
        case .tooManyHeaders: "Jumlah header permintaan terlalu banyak."
        case .invalidFieldName: "Nama header tidak valid."
        case .whitespaceBeforeColon: "Ada spasi di antara nama header dan titik dua."
        case .obsoleteLineFolding: "Header yang dilipat ke baris berikutnya tidak diterima."
        case .invalidFieldValue: "Nilai header mengandung karakter yang tidak diizinkan."
        case .invalidLineEnding: "Akhir baris harus CRLF."
        case .invalidHost: "Header Host wajib ada tepat satu kali."
        case .invalidContentLength: "Content-Length tidak valid."
        case .conflictingContentLength: "Nilai Content-Length saling bertentangan."
        case .contentLengthWithTransferEncoding: "Content-Length dan Transfer-Encoding tidak boleh dipakai bersamaan."
        case .unsupportedTransferEncoding: "Transfer-Encoding yang didukung hanya chunked."
        case .transferEncodingInHTTP10: "Transfer-Encoding tidak boleh dipakai pada HTTP/1.0."
        case .invalidChunkSize: "Ukuran chunk tidak valid."
        case .invalidChunkData: "Data chunk tidak diakhiri CRLF."
        case .contentTooLarge: "Isi permintaan melebihi batas ukuran."
        }
    }
}
