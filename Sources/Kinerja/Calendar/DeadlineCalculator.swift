import Foundation

/// Adds N calendar or working days to a civil date, skipping weekends and the calendar's holidays.
///
/// Convention (domain.md, "Objections"): the day of receipt is not counted; the deadline is the end
/// (23:59:59 tenant time) of the Nth counted day. Calendar-day deadlines are not moved when they fall
/// on a day off: the texts that count in calendar days ("14 hari") do not say they move.
public enum DeadlineCalculator {
    /// The deadline `window` days after `start`.
    public static func deadline(from start: CivilDate, window: DayWindow,
                                holidays: HolidayCalendar) -> Explained<Deadline> {
        var explanation = Explanation()
        explanation.add("Hari penerimaan \(start) (\(start.weekday.indonesianName)) tidak dihitung; dihitung "
                        + "\(window.days) \(window.unit.indonesianName) berikutnya.",
                        [.init("mulai", start), .init("jumlahHari", window.days), .init("satuan", window.unit.rawValue)],
                        basis: window.basis)
        var skipped: [Deadline.SkippedDay] = []
        var due = start
        switch window.unit {
        case .calendar:
            due = start.adding(days: window.days)
        case .working:
            var counted = 0
            while counted < window.days {
                due = due.adding(days: 1)
                if due.weekday.isWeekend {
                    skipped.append(.init(date: due, reason: due.weekday.indonesianName))
                } else if let holiday = holidays.holidays(on: due).first {
                    skipped.append(.init(date: due, reason: "\(holiday.name) (\(holiday.kind.indonesianName))"))
                } else {
                    counted += 1
                }
            }
            let weekends = skipped.filter { $0.date.weekday.isWeekend }.count
            explanation.add("Sabtu dan Minggu bukan hari kerja: \(weekends) hari dilewati.",
                            [.init("akhirPekanDilewati", weekends)], basis: .perpres21of2023)
            for day in skipped where !day.date.weekday.isWeekend {
                explanation.add("\(day.date) dilewati: \(day.reason).", [.init("tanggal", day.date)])
            }
        }
        let years = Set((start.year...due.year))
        let uncovered = window.unit == .working ? years.subtracting(holidays.coveredYears).sorted() : []
        if !uncovered.isEmpty {
            explanation.add("Peringatan: daftar hari libur tahun \(uncovered.map(String.init).joined(separator: ", ")) "
                            + "belum lengkap; tenggat dapat bergeser bila hari libur ditambahkan.",
                            [.init("tahunTanpaDaftarLibur", uncovered.map(String.init).joined(separator: ","))])
        }
        explanation.add("Tenggat: akhir hari \(due) (\(due.weekday.indonesianName)), pukul 23.59 waktu setempat.",
                        [.init("tenggat", due)], basis: window.basis)
        return Explained(Deadline(start: start, days: window.days, unit: window.unit, due: due, dueInstant: nil,
                                  timeZone: nil, skipped: skipped, uncoveredYears: uncovered), explanation)
    }

    /// The deadline `window` days after the instant `receivedAt`, whose civil date is taken in `timeZone`.
    ///
    /// An instant late on a Friday in UTC can already be Saturday in WITA (Asia/Makassar, UTC+8):
    /// the receipt day is always the tenant's wall-clock day.
    public static func deadline(receivedAt instant: Date, timeZone: TimeZone, window: DayWindow,
                                holidays: HolidayCalendar) -> Explained<Deadline> {
        let start = CivilDate(instant: instant, in: timeZone)
        var result = deadline(from: start, window: window, holidays: holidays)
        let end = result.value.due.endInstant(in: timeZone)
        result.value.dueInstant = end
        result.value.timeZone = timeZone.identifier
        let formatter = ISO8601DateFormatter()
        result.explanation.steps.insert(ExplanationStep(
            text: "Diterima \(formatter.string(from: instant)) (UTC) = tanggal \(start) di zona \(timeZone.identifier).",
            figures: [.init("diterima", formatter.string(from: instant)), .init("zonaWaktu", timeZone.identifier)]),
            at: 0)
        result.explanation.add("Batas waktu sebagai instan: \(formatter.string(from: end)) (UTC).",
                               [.init("tenggatInstan", formatter.string(from: end))])
        return result
    }
}
