import Foundation

extension RuleCase: JSONReadable {
    private static let keys: [Kind: Set<String>] = [
        .ratings: ["hasilKerja", "perilakuKerja"],
        .weighted: ["jobKind", "fungsionalNeedsLeadership", "activities", "perilaku"],
        .distribution: ["capaianOrganisasi", "counts", "predikat"],
        .deadline: ["window", "from", "receivedAt"],
        .coverage: ["employeeType", "on", "statuses"],
        .creditPoints: ["predikat", "jenjang", "months"],
    ]

    /// Reads the document, reporting every problem to `reader`.
    public static func read(_ value: JSONValue, with reader: inout JSONReader) -> RuleCase? {
        let root = JSONPath.root
        guard case .object(let members) = value else {
            reader.report(root, .wrongType, "harus berupa objek, bukan \(value.typeName)")
            return nil
        }
        guard let kind = reader.choice(Kind.self, "kind", of: members, at: root) else { return nil }
        guard let object = reader.object(value, at: root, allowedKeys: (keys[kind] ?? []).union(["kind"])) else {
            return nil
        }
        switch kind {
        case .ratings:
            let hasil = reader.choice(Rating.self, "hasilKerja", of: object, at: root)
            let perilaku = reader.choice(Rating.self, "perilakuKerja", of: object, at: root)
            guard let hasil, let perilaku else { return nil }
            return .ratings(hasilKerja: hasil, perilakuKerja: perilaku)
        case .weighted:
            return readWeighted(object, with: &reader).map(RuleCase.weighted)
        case .distribution:
            return readDistribution(object, with: &reader)
        case .deadline:
            return readDeadline(object, with: &reader)
        case .coverage:
            return readCoverage(object, with: &reader).map(RuleCase.coverage)
        case .creditPoints:
            let predikat = reader.choice(Predikat.self, "predikat", of: object, at: root)
            let jenjang = reader.choice(JenjangFungsional.self, "jenjang", of: object, at: root)
            let months = reader.integer("months", of: object, at: root, in: 1...12)
            guard let predikat, let jenjang, let months else { return nil }
            return .creditPoints(predikat: predikat, jenjang: jenjang, months: months)
        }
    }

    private static func readWeighted(_ object: [String: JSONValue], with reader: inout JSONReader) -> WeightedModelInput? {
        let root = JSONPath.root
        let jobKind = reader.choice(JobKind.self, "jobKind", of: object, at: root)
        let needsLeadership = reader.bool("fungsionalNeedsLeadership", of: object, at: root, required: false) ?? false
        var activities: [WeightedActivity] = []
        var valid = true
        if let elements = reader.array("activities", of: object, at: root) {
            for (index, element) in elements.enumerated() {
                let path = root.appending("activities").appending(index)
                guard let members = reader.object(element, at: path,
                                                  allowedKeys: ["name", "quantity", "quality", "time", "cost"]) else {
                    valid = false
                    continue
                }
                let name = reader.string("name", of: members, at: path)
                let quantity = readPair("quantity", of: members, at: path, with: &reader)
                let quality = readPair("quality", of: members, at: path, with: &reader)
                let time = readPair("time", of: members, at: path, with: &reader)
                let cost = readPair("cost", of: members, at: path, required: false, with: &reader)
                let costGiven = members["cost"] != nil && members["cost"] != .null
                guard let name, let quantity, let quality, let time, !costGiven || cost != nil else {
                    valid = false
                    continue
                }
                activities.append(WeightedActivity(name: name, quantity: quantity, quality: quality, time: time,
                                                   cost: cost))
            }
        } else {
            valid = false
        }
        let path = root.appending("perilaku")
        var perilaku: PerilakuKerjaScores?
        if let members = reader.object(reader.member("perilaku", of: object, at: root), at: path, allowedKeys: [
            "orientasiPelayanan", "komitmen", "inisiatifKerja", "kerjasama", "kepemimpinan",
        ]) {
            let scores = ["orientasiPelayanan", "komitmen", "inisiatifKerja", "kerjasama"].map {
                reader.decimal($0, of: members, at: path, in: 0...100)
            }
            let kepemimpinan = reader.decimal("kepemimpinan", of: members, at: path, in: 0...100, required: false)
            if let a = scores[0], let b = scores[1], let c = scores[2], let d = scores[3] {
                perilaku = PerilakuKerjaScores(orientasiPelayanan: a, komitmen: b, inisiatifKerja: c, kerjasama: d,
                                               kepemimpinan: kepemimpinan)
            }
        }
        guard valid, let jobKind, let perilaku else { return nil }
        return WeightedModelInput(jobKind: jobKind, fungsionalNeedsLeadership: needsLeadership,
                                  activities: activities, perilaku: perilaku)
    }

    private static func readPair(_ key: String, of object: [String: JSONValue], at path: JSONPath,
                                 required: Bool = true, with reader: inout JSONReader) -> TargetRealisation? {
        let pairPath = path.appending(key)
        guard let members = reader.object(reader.member(key, of: object, at: path, required: required), at: pairPath,
                                          allowedKeys: ["target", "realisation"]) else { return nil }
        let target = reader.decimal("target", of: members, at: pairPath)
        let realisation = reader.decimal("realisation", of: members, at: pairPath)
        guard let target, let realisation else { return nil }
        return TargetRealisation(target: target, realisation: realisation)
    }

    private static func readDistribution(_ object: [String: JSONValue], with reader: inout JSONReader) -> RuleCase? {
        let root = JSONPath.root
        let capaian = reader.choice(CapaianKinerjaOrganisasi.self, "capaianOrganisasi", of: object, at: root)
        var counts: PredikatCounts?
        switch (object["counts"], object["predikat"]) {
        case (let value?, nil):
            let path = root.appending("counts")
            if let members = reader.object(value, at: path, allowedKeys: [
                "sangatBaik", "baik", "butuhPerbaikan", "kurang", "sangatKurang",
            ]) {
                let values = ["sangatBaik", "baik", "butuhPerbaikan", "kurang", "sangatKurang"].map {
                    reader.integer($0, of: members, at: path, in: 0...100_000, required: false)
                }
                counts = PredikatCounts(sangatBaik: values[0] ?? 0, baik: values[1] ?? 0,
                                        butuhPerbaikan: values[2] ?? 0, kurang: values[3] ?? 0,
                                        sangatKurang: values[4] ?? 0)
            }
        case (nil, .some):
            if let list = reader.array("predikat", of: object, at: root, nonEmpty: false) {
                var predikat: [Predikat] = []
                for (index, element) in list.enumerated() {
                    let path = root.appending("predikat").appending(index)
                    guard case .string(let text) = element else {
                        reader.report(path, .wrongType, "harus berupa teks, bukan \(element.typeName)")
                        continue
                    }
                    if let value = reader.choice(Predikat.self, from: text, at: path) { predikat.append(value) }
                }
                counts = PredikatCounts(predikat)
            }
        case (.some, .some):
            reader.report(root, .inconsistent, "isi salah satu saja: 'counts' atau 'predikat'")
        case (nil, nil):
            reader.report(root.appending("counts"), .required, "wajib diisi ('counts' atau 'predikat')")
        }
        guard let capaian, let counts else { return nil }
        return .distribution(capaian: capaian, counts: counts)
    }

    private static func readDeadline(_ object: [String: JSONValue], with reader: inout JSONReader) -> RuleCase? {
        let root = JSONPath.root
        let window = reader.choice(WindowKind.self, "window", of: object, at: root)
        var start: DeadlineStart?
        switch (object["from"], object["receivedAt"]) {
        case (.some, nil):
            start = reader.civilDate("from", of: object, at: root).map(DeadlineStart.date)
        case (nil, .some):
            if let text = reader.string("receivedAt", of: object, at: root) {
                if let instant = ISO8601DateFormatter().date(from: text) {
                    start = .instant(instant)
                } else {
                    reader.report(root.appending("receivedAt"), .invalidDate,
                                  "waktu '\(text)' tidak sah; gunakan ISO 8601, mis. 2025-01-09T16:30:00Z")
                }
            }
        case (.some, .some):
            reader.report(root, .inconsistent, "isi salah satu saja: 'from' atau 'receivedAt'")
        case (nil, nil):
            reader.report(root.appending("from"), .required, "wajib diisi ('from' atau 'receivedAt')")
        }
        guard let window, let start else { return nil }
        return .deadline(window: window, start: start)
    }

    private static func readCoverage(_ object: [String: JSONValue], with reader: inout JSONReader) -> CoverageQuestion? {
        let root = JSONPath.root
        let type = reader.choice(EmployeeType.self, "employeeType", of: object, at: root)
        let on = reader.civilDate("on", of: object, at: root)
        var statuses: [StatusPeriod] = []
        var valid = true
        if let elements = reader.array("statuses", of: object, at: root, required: false, nonEmpty: false) {
            for (index, element) in elements.enumerated() {
                let path = root.appending("statuses").appending(index)
                guard let members = reader.object(element, at: path, allowedKeys: ["status", "from", "until"]) else {
                    valid = false
                    continue
                }
                let status = reader.choice(EmploymentStatus.self, "status", of: members, at: path)
                let from = reader.civilDate("from", of: members, at: path)
                let until = reader.civilDate("until", of: members, at: path, required: false)
                if members["until"] != nil, members["until"] != .null, until == nil { valid = false }
                guard let status, let from else { valid = false; continue }
                if let until, until < from {
                    reader.report(path.appending("until"), .inconsistent, "tidak boleh sebelum 'from' (\(from))")
                    valid = false
                }
                statuses.append(StatusPeriod(status: status, from: from, until: until))
            }
        }
        guard valid, let type, let on else { return nil }
        return CoverageQuestion(employeeType: type, statuses: statuses, on: on)
    }
}

extension RuleCase: Decodable {
    /// Decodes through the validating parser, so a case never exists unvalidated.
    public init(from decoder: any Decoder) throws {
        let value = try JSONValue(from: decoder)
        do {
            self = try RuleCase.validate(value)
        } catch {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: error.issues.map(\.description).joined(separator: "; ")))
        }
    }
}
