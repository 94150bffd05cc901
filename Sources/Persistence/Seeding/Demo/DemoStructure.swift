import Kinerja

/// The perangkat daerah every demo regency gets, each shaped like a real dinas or badan: a JPT
/// head, a secretariat and three bidang (Administrator), two subbagian / seksi / subbidang under
/// each (Pengawas), and Pelaksana and Fungsional staff under every Pengawas.
enum DemoStructure {
    /// A perangkat daerah of the template.
    struct Office {
        let code: String
        let name: String
        let head: String
        /// What its second-level units are called ("Bidang", "Subbidang" or "Seksi").
        let bidangWord: String
        let sectionWord: String
        /// Bidang name and its two section names.
        let bidang: [(name: String, sections: [String])]
        /// The functional post of its staff and that post's jenjang.
        let fungsional: (name: String, jenjang: JenjangFungsional)
        /// The Pelaksana post of its staff.
        let pelaksana: String
    }

    /// The Sekretariat Daerah: the Sekretaris Daerah heads the organisation in the system and
    /// evaluates the heads of perangkat daerah (JPT Pratama); the Bupati sits outside it.
    static let setda = (code: "SETDA", name: "Sekretariat Daerah", head: "Sekretaris Daerah")

    /// The perangkat daerah under the Sekretaris Daerah. BKPSDM comes first: its code marks the
    /// demo organisation.
    static let offices: [Office] = [
        Office(code: markerCode, name: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
               head: "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
               bidangWord: "Bidang", sectionWord: "Subbidang",
               bidang: [("Pengadaan, Pemberhentian dan Informasi Kepegawaian", ["Pengadaan dan Pemberhentian", "Data dan Informasi Kepegawaian"]),
                        ("Mutasi dan Promosi", ["Mutasi", "Promosi dan Kepangkatan"]),
                        ("Pengembangan Kompetensi dan Penilaian Kinerja", ["Pengembangan Kompetensi", "Penilaian Kinerja dan Penghargaan"])],
               fungsional: ("Analis Sumber Daya Manusia Aparatur Ahli Pertama", .ahliPertama), pelaksana: "Pengolah Data Kepegawaian"),
        Office(code: "DISDIK", name: "Dinas Pendidikan", head: "Kepala Dinas Pendidikan",
               bidangWord: "Bidang", sectionWord: "Seksi",
               bidang: [("Pembinaan Sekolah Dasar", ["Kurikulum dan Penilaian SD", "Peserta Didik dan Pembangunan Karakter SD"]),
                        ("Pembinaan Sekolah Menengah Pertama", ["Kurikulum dan Penilaian SMP", "Kelembagaan dan Sarana Prasarana SMP"]),
                        ("Pendidik dan Tenaga Kependidikan", ["Pendidik", "Tenaga Kependidikan"])],
               fungsional: ("Pranata Komputer Terampil", .terampil), pelaksana: "Pengadministrasi Perkantoran"),
        Office(code: "DINKES", name: "Dinas Kesehatan", head: "Kepala Dinas Kesehatan",
               bidangWord: "Bidang", sectionWord: "Seksi",
               bidang: [("Kesehatan Masyarakat", ["Kesehatan Keluarga dan Gizi", "Promosi dan Pemberdayaan Masyarakat"]),
                        ("Pencegahan dan Pengendalian Penyakit", ["Surveilans dan Imunisasi", "Pencegahan dan Pengendalian Penyakit Menular"]),
                        ("Pelayanan dan Sumber Daya Kesehatan", ["Pelayanan Kesehatan", "Kefarmasian dan Alat Kesehatan"])],
               fungsional: ("Epidemiolog Kesehatan Ahli Pertama", .ahliPertama), pelaksana: "Pengelola Data Kesehatan"),
        Office(code: "BAPPEDA", name: "Badan Perencanaan Pembangunan Daerah", head: "Kepala Badan Perencanaan Pembangunan Daerah",
               bidangWord: "Bidang", sectionWord: "Subbidang",
               bidang: [("Pemerintahan dan Pembangunan Manusia", ["Pemerintahan", "Sosial dan Budaya"]),
                        ("Perekonomian dan Sumber Daya Alam", ["Perekonomian", "Sumber Daya Alam"]),
                        ("Infrastruktur dan Kewilayahan", ["Infrastruktur", "Penataan Ruang dan Kewilayahan"])],
               fungsional: ("Perencana Ahli Pertama", .ahliPertama), pelaksana: "Penyusun Rencana Kegiatan"),
    ]

    /// The perangkat daerah code whose presence means a tenant already has an organisation (the
    /// demo's or its own), so the demo organisation is not imported into it.
    static let markerCode = "BKPSDM"

    /// The secretariat's two subbagian, the same in every office.
    static let secretariatSections = ["Umum dan Kepegawaian", "Perencanaan dan Keuangan"]

    /// Staff under each Pengawas; the demo evaluator's subbidang gets `evaluatorStaff`.
    static let staffPerSection = 8
    static let evaluatorStaff = 10
}
