import Kinerja

/// Makes valid, distinct NIPs (domain.md "NIP"): birth date, then the CPNS start month (PNS,
/// CPNS) or the appointment year and code 21 (PPPK), the sex digit and a sequence that is never 000.
struct DemoNIPGenerator {
    private var used: Set<String> = []

    mutating func make(type: EmployeeType, female: Bool, born: ClosedRange<Int>, cpns: (year: Int, month: Int),
                       using random: inout DemoRandom) -> String {
        while true {
            let year = random.int(born), month = random.int(1...12), day = random.int(1...28)
            var digits = pad(year, 4) + pad(month, 2) + pad(day, 2)
            switch type {
            case .pns:
                // Appointed between 22 and 30, and before 2025 (this year's intake is still CPNS).
                digits += pad(min(year + random.int(22...30), 2024), 4) + pad(random.int(1...12), 2)
            case .cpns:
                digits += pad(cpns.year, 4) + pad(cpns.month, 2)
            case .pppk:
                digits += pad(max(year + 22, random.int(2022...2024)), 4) + "21"
            }
            digits += female ? "2" : "1"
            digits += pad(random.int(1...999), 3)
            if used.insert(digits).inserted { return digits }
        }
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
