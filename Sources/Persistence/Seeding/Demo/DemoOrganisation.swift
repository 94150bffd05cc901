import Kinerja

/// The demo organisation of one regency as the four CSV files of `OrganisationImporter`, so it
/// enters through the same validation as a regency's own export, plus the demo accounts.
///
/// Deterministic: the regency's slug seeds the generator, so every run yields the same people.
/// Besides the ordinary hierarchy it shows the cases evaluator resolution must handle: a vacant
/// Pengawas post (its staff are evaluated by the Kepala Bidang above), a Plt holding a vacant
/// Sekretaris post, staff on tugas belajar and on cuti di luar tanggungan negara, PPPK staff and
/// (where the regency has them) CPNS.
struct DemoOrganisation {
    /// One employee and their post.
    struct Person {
        var nip: String
        var name: String
        var type: EmployeeType
        var status: EmployeeStatus
        var jabatanCode: String
        var from: String
    }

    let regency: DemoRegency
    private(set) var units: [[String]] = []
    private(set) var jabatan: [[String]] = []
    private(set) var people: [Person] = []
    /// Acting assignments: (NIP, jabatan code, start).
    private(set) var acting: [(nip: String, jabatanCode: String, from: String)] = []
    private(set) var accounts: [DemoAccount] = []

    private var random: DemoRandom
    private var nips = DemoNIPGenerator()
    private var staffCount = 0

    /// Where the special cases sit (jabatan codes).
    static let vacantSection = "DINKES-B1-2"
    static let actingPost = "DISDIK-SEK"
    static let actingHolderPost = "DISDIK-B3"
    static let evaluatorPost = "BKPSDM-B3-2"
    static let evaluatorSuperiorPost = "BKPSDM-B3"
    static let adminSection = "BKPSDM-B1-2"
    static let pengelolaSection = "DISDIK-SEK-1"
    /// Staff (section code, index) with an exempt status.
    static let exempt: [String: EmployeeStatus] = [
        "DINKES-B2-1#3": .tugasBelajar, "BAPPEDA-B1-1#2": .tugasBelajar, "DISDIK-B1-2#4": .cutiDiLuarTanggunganNegara,
    ]
    /// Start of the definitive posts (the first working day of 2025) and of the Plt.
    static let postsFrom = "2025-01-02"
    static let actingFrom = "2025-09-01"
    /// This year's CPNS intake: CPNS start (NIP digits 9–14) and first day in post.
    static let cpnsMonth = (year: 2025, month: 6)
    static let cpnsFrom = "2025-06-02"

    /// Generates the organisation of `regency`.
    init(regency: DemoRegency) {
        self.regency = regency
        random = DemoRandom(seed: "kinerja-demo/" + regency.slug)
        build()
    }

    // MARK: CSV

    /// The units file.
    var unitsCSV: String {
        Self.csv(["kode_perangkat_daerah", "nama_perangkat_daerah", "kode_unit", "nama_unit", "kode_unit_induk"], units)
    }

    /// The jabatan file.
    var jabatanCSV: String {
        Self.csv(["kode_jabatan", "nama_jabatan", "jenis", "jenjang", "kode_unit", "kode_jabatan_atasan"], jabatan)
    }

    /// The employees file.
    var employeesCSV: String {
        Self.csv(["nip", "nama", "jenis_pegawai", "status"], people.map { [$0.nip, $0.name, $0.type.rawValue, $0.status.rawValue] })
    }

    /// The assignments file: everyone's definitive post, then the acting ones.
    var assignmentsCSV: String {
        Self.csv(["nip", "kode_jabatan", "jenis_penempatan", "mulai"],
                 people.map { [$0.nip, $0.jabatanCode, "definitif", $0.from] } + acting.map { [$0.nip, $0.jabatanCode, "plt", $0.from] })
    }

    static func csv(_ header: [String], _ rows: [[String]]) -> String {
        ([header] + rows).map { row in
            row.map { field in
                field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
                    ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }.joined(separator: ",")
        }.joined(separator: "\n") + "\n"
    }

    // MARK: Building

    private mutating func build() {
        let setda = DemoStructure.setda
        units.append([setda.code, setda.name, setda.code, setda.name, ""])
        let sekda = setda.code + "-SEKDA"
        jabatan.append([sekda, setda.head, "jpt", "", setda.code, ""])
        addOfficial(sekda, seniority: 3)
        for office in DemoStructure.offices { addOffice(office, under: sekda) }
        addAccounts()
    }

    private mutating func addOffice(_ office: DemoStructure.Office, under sekda: String) {
        let root = office.code
        units.append([office.code, office.name, root, office.name, ""])
        let head = root + "-KEPALA"
        jabatan.append([head, office.head, "jpt", "", root, sekda])
        addOfficial(head, seniority: 3)

        var groups: [(code: String, unit: String, title: String, sectionWord: String, sections: [String], superior: String)] = []
        groups.append((root + "-SEK", "Sekretariat", "Sekretaris", "Subbagian", DemoStructure.secretariatSections, head))
        for (b, bidang) in office.bidang.enumerated() {
            groups.append((root + "-B\(b + 1)", office.bidangWord + " " + bidang.name, "Kepala " + office.bidangWord + " " + bidang.name,
                           office.sectionWord, bidang.sections, head))
        }
        for group in groups {
            units.append([office.code, office.name, group.code, group.unit, root])
            jabatan.append([group.code, group.title, "administrator", "", group.code, group.superior])
            if group.code != Self.actingPost { addOfficial(group.code, seniority: 2) }
            for (s, section) in group.sections.enumerated() {
                let code = group.code + "-\(s + 1)"
                units.append([office.code, office.name, code, group.sectionWord + " " + section, group.code])
                jabatan.append([code, "Kepala " + group.sectionWord + " " + section, "pengawas", "", code, group.code])
                if code != Self.vacantSection { addOfficial(code, seniority: 1) }
                addStaff(of: office, section: code)
            }
        }
        if let holder = people.first(where: { $0.jabatanCode == Self.actingHolderPost }), office.code == "DISDIK" {
            acting.append((holder.nip, Self.actingPost, Self.actingFrom))
        }
    }

    /// The Pelaksana and Fungsional staff of a section, under its Pengawas post.
    private mutating func addStaff(of office: DemoStructure.Office, section: String) {
        let pelaksana = section + "-PL", fungsional = section + "-FG"
        jabatan.append([pelaksana, office.pelaksana, "pelaksana", "", section, section])
        jabatan.append([fungsional, office.fungsional.name, "fungsional", office.fungsional.jenjang.rawValue, section, section])
        let count = section == Self.evaluatorPost ? DemoStructure.evaluatorStaff : DemoStructure.staffPerSection
        for i in 1...count {
            staffCount += 1
            // Every 30th staff member of a regency with an intake is a CPNS; about a quarter are PPPK.
            let type: EmployeeType = regency.hasCPNS && staffCount % 30 == 7 ? .cpns : (random.chance(25) ? .pppk : .pns)
            let female = random.chance(50)
            let nip = nips.make(type: type, female: female, born: 1980...1999, cpns: Self.cpnsMonth, using: &random)
            let name = DemoNames.make(female: female, seniority: 0, using: &random)
            let post = i % 3 == 0 ? fungsional : pelaksana
            let status = Self.exempt["\(section)#\(i)"] ?? .aktif
            people.append(Person(nip: nip, name: name, type: type, status: status, jabatanCode: post,
                                 from: type == .cpns ? Self.cpnsFrom : Self.postsFrom))
        }
    }

    /// A PNS holding a structural post; `seniority` 1 Pengawas … 3 JPT sets the age.
    private mutating func addOfficial(_ post: String, seniority: Int) {
        let female = random.chance(40)
        let born = [1985...1992, 1978...1986, 1970...1978, 1966...1972][seniority]
        let nip = nips.make(type: .pns, female: female, born: born, cpns: Self.cpnsMonth, using: &random)
        people.append(Person(nip: nip, name: DemoNames.make(female: female, seniority: seniority, using: &random), type: .pns,
                             status: .aktif, jabatanCode: post, from: Self.postsFrom))
    }

    private mutating func addAccounts() {
        let slug = regency.slug
        func holder(_ post: String) -> Person? { people.first { $0.jabatanCode == post } }
        func firstStaff(_ section: String) -> Person? {
            people.first { ($0.jabatanCode == section + "-PL" || $0.jabatanCode == section + "-FG") && $0.status == .aktif && $0.type == .pns }
        }
        if let admin = firstStaff(Self.adminSection) {
            accounts.append(DemoAccount(regency: slug, role: .tenantAdmin, login: "admin@" + regency.mailDomain, name: admin.name,
                                        employeeNIP: admin.nip))
        }
        for (role, person) in [(DemoAccount.Role.evaluatorSuperior, holder(Self.evaluatorSuperiorPost)),
                               (.evaluator, holder(Self.evaluatorPost)), (.employee, firstStaff(Self.evaluatorPost))] {
            if let person { accounts.append(DemoAccount(regency: slug, role: role, login: person.nip, name: person.name, employeeNIP: person.nip)) }
        }
        if let pengelola = firstStaff(Self.pengelolaSection) {
            accounts.append(DemoAccount(regency: slug, role: .pengelolaKinerja, login: pengelola.nip, name: pengelola.name,
                                        employeeNIP: pengelola.nip, managesPerangkatDaerah: "DISDIK"))
        }
    }
}
