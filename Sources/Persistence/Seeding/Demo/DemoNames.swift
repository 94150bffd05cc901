/// Plausible Indonesian personal names for the demo organisation: a given name and a second name
/// by sex (digit 15 of the NIP), with the academic titles usual on personnel records.
enum DemoNames {
    static let maleGiven = [
        "Agus", "Budi", "Dedi", "Hendra", "Iwan", "Joko", "Rudi", "Slamet", "Bambang", "Eko", "Asep", "Ujang",
        "Dadang", "Yusuf", "Ahmad", "Muhammad", "Rahmat", "Fajar", "Dimas", "Arif", "Teguh", "Wahyu", "Andi",
        "Heru", "Rizky", "Taufik", "Irfan", "Sugeng", "Hadi", "Bayu", "Gilang", "Fauzi", "Hasan", "Syahrul",
        "Nanang", "Cecep", "Ilham", "Yoga", "Imam", "Galih",
    ]
    static let femaleGiven = [
        "Siti", "Sri", "Dewi", "Rina", "Wati", "Nur", "Ani", "Yuni", "Endang", "Fitri", "Ratna", "Dian",
        "Neneng", "Euis", "Ayu", "Putri", "Indah", "Wulan", "Nurul", "Eka", "Maya", "Lina", "Ika", "Tuti",
        "Nining", "Rini", "Anisa", "Fatimah", "Aisyah", "Novi", "Sari", "Yanti", "Mega", "Desi", "Laila",
        "Rosita", "Intan", "Nia", "Kartika", "Hana",
    ]
    static let maleFamily = [
        "Saputra", "Hidayat", "Santoso", "Wibowo", "Setiawan", "Kurniawan", "Pratama", "Nugroho", "Susanto",
        "Hermawan", "Gunawan", "Firmansyah", "Prasetyo", "Suryadi", "Rahman", "Hakim", "Maulana", "Ramadhan",
        "Permana", "Sudrajat", "Supriyadi", "Wijaya", "Hartono", "Purnomo", "Syahputra", "Nurdin", "Effendi",
        "Sutrisno", "Hasibuan", "Mulyadi",
    ]
    static let femaleFamily = [
        "Rahayu", "Lestari", "Wulandari", "Anggraini", "Handayani", "Purwanti", "Susanti", "Safitri",
        "Rahmawati", "Maharani", "Permatasari", "Kusumawati", "Puspitasari", "Utami", "Nurhayati", "Hasanah",
        "Fitriani", "Yuliani", "Kurniasih", "Sulastri", "Marlina", "Oktaviani", "Setyaningsih", "Febriyanti",
        "Amelia", "Pertiwi", "Ningsih", "Fauziah", "Aprilia", "Novitasari",
    ]
    static let bachelor = ["S.E.", "S.Sos.", "S.H.", "S.Kom.", "S.Pd.", "S.IP.", "S.AP.", "S.T.", "S.Ak."]
    static let master = ["M.Si.", "M.M.", "M.AP.", "M.Pd.", "M.H.", "M.T."]
    static let diploma = ["A.Md.", "A.Md.Kom.", "A.Md.Kes."]

    /// A name for someone of `female` sex; `seniority` 0 (staff) to 3 (JPT) makes degrees likelier.
    static func make(female: Bool, seniority: Int, using random: inout DemoRandom) -> String {
        let given = random.pick(female ? femaleGiven : maleGiven)
        let family = random.pick(female ? femaleFamily : maleFamily)
        var name = given + " " + family
        if seniority >= 2 || random.chance(seniority >= 1 ? 95 : 55) {
            name += ", " + random.pick(bachelor)
            if seniority >= 2 || (seniority == 1 && random.chance(40)) { name += ", " + random.pick(master) }
        } else if random.chance(40) {
            name += ", " + random.pick(diploma)
        }
        return name
    }
}
