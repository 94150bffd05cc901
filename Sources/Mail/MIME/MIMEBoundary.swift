/// Multipart boundaries (RFC 2046 §5.1.1).
enum MIMEBoundary {
    /// A boundary such as `=_kinerja_3f9c…`: 24 random hex digits after a fixed prefix.
    ///
    /// The `=_` cannot appear in quoted-printable output (a literal `=` is always encoded as
    /// `=3D`) nor in base64 output, and every body part here is one of those, so the boundary
    /// cannot occur in the content (the trick RFC 2045 §6.7 note 8 suggests). The renderer checks
    /// again anyway and draws a new boundary on a collision.
    static func make(using generator: inout some RandomNumberGenerator) -> String {
        let digits = Array("0123456789abcdef")
        var text = "=_kinerja_"
        for _ in 0..<24 { text.append(digits[Int.random(in: 0..<16, using: &generator)]) }
        return text
    }
}
