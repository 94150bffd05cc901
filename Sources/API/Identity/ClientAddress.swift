import HTTP

/// The address login throttling counts a client under. Behind a reverse proxy (the Kubernetes
/// ingress) every request comes from the proxy, so one client's failures would lock out everyone;
/// when the peer is a trusted proxy, the client is the last `X-Forwarded-For` entry that is not
/// itself a trusted proxy (entries further left are client-supplied and can be forged).
struct ClientAddress: Sendable {
    /// Proxy addresses whose `X-Forwarded-For` is believed (`KINERJA_TRUSTED_PROXIES`).
    let trustedProxies: Set<String>

    func of(_ request: Request) -> String {
        guard trustedProxies.contains(request.remoteAddress) else { return request.remoteAddress }
        let hops = request.headers.values(for: "X-Forwarded-For")
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && $0.utf8.count <= 64 }
        return hops.last { !trustedProxies.contains($0) } ?? request.remoteAddress
    }
}
