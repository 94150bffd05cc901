/// The seven BerAKHLAK core values with their three guides each, as the SKP prints them in
/// `PERILAKU KERJA` (Perbup Tanah Laut 2024 Pasal 9 ayat (3); PermenPANRB 6/2022 Lampiran).
public enum BerAKHLAK: String, Sendable, Hashable, CaseIterable {
    /// Berorientasi Pelayanan.
    case berorientasiPelayanan = "berorientasi-pelayanan"
    /// Akuntabel.
    case akuntabel
    /// Kompeten.
    case kompeten
    /// Harmonis.
    case harmonis
    /// Loyal.
    case loyal
    /// Adaptif.
    case adaptif
    /// Kolaboratif.
    case kolaboratif

    /// The value's name as printed.
    public var label: String {
        switch self {
        case .berorientasiPelayanan: "Berorientasi Pelayanan"
        case .akuntabel: "Akuntabel"
        case .kompeten: "Kompeten"
        case .harmonis: "Harmonis"
        case .loyal: "Loyal"
        case .adaptif: "Adaptif"
        case .kolaboratif: "Kolaboratif"
        }
    }

    /// The three guides (panduan perilaku), Pasal 9 ayat (3) huruf a–g.
    public var guides: [String] {
        switch self {
        case .berorientasiPelayanan:
            ["Memahami dan memenuhi kebutuhan masyarakat",
             "Ramah, cekatan, solutif, dan dapat diandalkan",
             "Melakukan perbaikan tiada henti"]
        case .akuntabel:
            ["Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin dan berintegritas tinggi",
             "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien",
             "Tidak menyalahgunakan kewenangan jabatan"]
        case .kompeten:
            ["Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
             "Membantu orang lain belajar",
             "Melaksanakan tugas dengan kualitas terbaik"]
        case .harmonis:
            ["Menghargai setiap orang apapun latar belakangnya",
             "Suka menolong orang lain",
             "Membangun lingkungan kerja yang kondusif"]
        case .loyal:
            ["Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, "
                + "setia kepada Negara Kesatuan Republik Indonesia serta pemerintahan yang sah",
             "Menjaga nama baik sesama ASN, Pimpinan, Instansi, dan Negara",
             "Menjaga rahasia jabatan dan negara"]
        case .adaptif:
            ["Cepat menyesuaikan diri menghadapi perubahan",
             "Terus berinovasi dan mengembangkan kreativitas",
             "Bertindak proaktif"]
        case .kolaboratif:
            ["Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
             "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
             "Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama"]
        }
    }
}
