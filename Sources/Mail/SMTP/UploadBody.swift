import CCurl

/// The bytes libcurl uploads as the DATA of an SMTP transaction, read through a C callback.
final class UploadBody {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The `CURLOPT_READFUNCTION` pointer: a non-capturing closure in a nonisolated library
    /// context (not main.swift, whose closures are main-actor isolated and would trap when
    /// libcurl calls them on a worker thread).
    static let readCallback: kinerja_curl_io_callback = { buffer, size, count, userdata in
        UploadBody.read(buffer, size, count, userdata)
    }

    /// Copies the next chunk into libcurl's buffer; returning 0 means end of data.
    static func read(_ buffer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
                     _ userdata: UnsafeMutableRawPointer?) -> Int {
        guard let buffer, let userdata else { return 0 }
        let body = Unmanaged<UploadBody>.fromOpaque(userdata).takeUnretainedValue()
        let n = min(size * count, body.bytes.count - body.offset)
        guard n > 0 else { return 0 }
        body.bytes.withUnsafeBufferPointer { source in
            guard let base = source.baseAddress else { return }
            UnsafeMutableRawPointer(buffer).copyMemory(from: base + body.offset, byteCount: n)
        }
        body.offset += n
        return n
    }
}
