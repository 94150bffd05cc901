/// One signature column (documents.md §0 "Signatures"): place and date, role, room for the
/// signature, the name in bold and underlined, and the NIP.
public struct PDFSignature: Sendable, Hashable {
    /// Place of signing, e.g. "Pelaihari"; with `date` it prints "Pelaihari, 31 Januari 2025".
    public var place: String?
    /// Date as it should print, e.g. "31 Januari 2025" (formatting dates is the caller's job).
    public var date: String?
    /// Role line(s), e.g. "Pejabat Penilai Kinerja"; wraps inside the column.
    public var role: String
    /// The signer's name.
    public var name: String
    /// The NIP as it should print (e.g. "19850312 201001 1 003"); printed as "NIP. …", or not at
    /// all when nil.
    public var nip: String?

    /// A signature column.
    public init(place: String? = nil, date: String? = nil, role: String, name: String, nip: String? = nil) {
        self.place = place
        self.date = date
        self.role = role
        self.name = name
        self.nip = nip
    }

    /// The place/date line, or nil when neither is given.
    var placeAndDate: String? {
        switch (place, date) {
        case let (place?, date?): "\(place), \(date)"
        case let (place?, nil): place
        case let (nil, date?): date
        case (nil, nil): nil
        }
    }
}
