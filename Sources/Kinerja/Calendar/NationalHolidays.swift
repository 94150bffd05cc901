/// The national holidays and cuti bersama of 2025 and 2026 as seed data (domain.md, "Working days and
/// time zones"), from the joint ministerial decrees (SKB Menteri Agama, Menteri Ketenagakerjaan and
/// MenPANRB) for each year. Admins maintain later years and amendments as data; these lists only seed.
public enum NationalHolidays {
    /// 2025: 17 national holidays and 11 days of cuti bersama.
    public static let year2025 = calendar(year: 2025, [
        ("2025-01-01", "Tahun Baru 2025 Masehi", .national),
        ("2025-01-27", "Isra Mikraj Nabi Muhammad SAW", .national),
        ("2025-01-29", "Tahun Baru Imlek 2576 Kongzili", .national),
        ("2025-03-29", "Hari Suci Nyepi Tahun Baru Saka 1947", .national),
        ("2025-03-31", "Idul Fitri 1446 Hijriah", .national),
        ("2025-04-01", "Idul Fitri 1446 Hijriah", .national),
        ("2025-04-18", "Wafat Yesus Kristus", .national),
        ("2025-04-20", "Kebangkitan Yesus Kristus (Paskah)", .national),
        ("2025-05-01", "Hari Buruh Internasional", .national),
        ("2025-05-12", "Hari Raya Waisak 2569 BE", .national),
        ("2025-05-29", "Kenaikan Yesus Kristus", .national),
        ("2025-06-01", "Hari Lahir Pancasila", .national),
        ("2025-06-06", "Idul Adha 1446 Hijriah", .national),
        ("2025-06-27", "1 Muharam Tahun Baru Islam 1447 Hijriah", .national),
        ("2025-08-17", "Hari Proklamasi Kemerdekaan RI", .national),
        ("2025-09-05", "Maulid Nabi Muhammad SAW", .national),
        ("2025-12-25", "Hari Raya Natal", .national),
        ("2025-01-28", "Tahun Baru Imlek", .cutiBersama),
        ("2025-03-28", "Hari Suci Nyepi", .cutiBersama),
        ("2025-04-02", "Idul Fitri 1446 Hijriah", .cutiBersama),
        ("2025-04-03", "Idul Fitri 1446 Hijriah", .cutiBersama),
        ("2025-04-04", "Idul Fitri 1446 Hijriah", .cutiBersama),
        ("2025-04-07", "Idul Fitri 1446 Hijriah", .cutiBersama),
        ("2025-05-13", "Hari Raya Waisak", .cutiBersama),
        ("2025-05-30", "Kenaikan Yesus Kristus", .cutiBersama),
        ("2025-06-09", "Idul Adha 1446 Hijriah", .cutiBersama),
        ("2025-08-18", "Hari Proklamasi Kemerdekaan RI", .cutiBersama),
        ("2025-12-26", "Hari Raya Natal", .cutiBersama),
    ])

    /// 2026: 17 national holidays and 8 days of cuti bersama.
    public static let year2026 = calendar(year: 2026, [
        ("2026-01-01", "Tahun Baru 2026 Masehi", .national),
        ("2026-01-16", "Isra Mikraj Nabi Muhammad SAW", .national),
        ("2026-02-17", "Tahun Baru Imlek 2577 Kongzili", .national),
        ("2026-03-19", "Hari Suci Nyepi Tahun Baru Saka 1948", .national),
        ("2026-03-21", "Idul Fitri 1447 Hijriah", .national),
        ("2026-03-22", "Idul Fitri 1447 Hijriah", .national),
        ("2026-04-03", "Wafat Yesus Kristus", .national),
        ("2026-04-05", "Kebangkitan Yesus Kristus (Paskah)", .national),
        ("2026-05-01", "Hari Buruh Internasional", .national),
        ("2026-05-14", "Kenaikan Yesus Kristus", .national),
        ("2026-05-27", "Idul Adha 1447 Hijriah", .national),
        ("2026-05-31", "Hari Raya Waisak 2570 BE", .national),
        ("2026-06-01", "Hari Lahir Pancasila", .national),
        ("2026-06-16", "1 Muharam Tahun Baru Islam 1448 Hijriah", .national),
        ("2026-08-17", "Hari Proklamasi Kemerdekaan RI", .national),
        ("2026-08-25", "Maulid Nabi Muhammad SAW", .national),
        ("2026-12-25", "Hari Raya Natal", .national),
        ("2026-02-16", "Tahun Baru Imlek", .cutiBersama),
        ("2026-03-18", "Hari Suci Nyepi", .cutiBersama),
        ("2026-03-20", "Idul Fitri 1447 Hijriah", .cutiBersama),
        ("2026-03-23", "Idul Fitri 1447 Hijriah", .cutiBersama),
        ("2026-03-24", "Idul Fitri 1447 Hijriah", .cutiBersama),
        ("2026-05-15", "Kenaikan Yesus Kristus", .cutiBersama),
        ("2026-05-28", "Idul Adha 1447 Hijriah", .cutiBersama),
        ("2026-12-24", "Hari Raya Natal", .cutiBersama),
    ])

    /// Both seeded years in one calendar.
    public static let seeded = year2025.merging(year2026)

    private static func calendar(year: Int, _ entries: [(String, String, Holiday.Kind)]) -> HolidayCalendar {
        let holidays = entries.compactMap { entry -> Holiday? in
            CivilDate(iso: entry.0).map { Holiday(date: $0, name: entry.1, kind: entry.2) }
        }
        return HolidayCalendar(holidays: holidays, coveredYears: [year])
    }
}
