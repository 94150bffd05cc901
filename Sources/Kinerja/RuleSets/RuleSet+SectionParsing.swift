extension RuleSet {
    static func readBehaviour(_ value: JSONValue?, at path: JSONPath, with reader: inout JSONReader) -> Behaviour? {
        guard let object = reader.object(value, at: path, allowedKeys: [
            "model", "leadershipJobKinds", "leadershipForFungsionalWhenRequired", "basis",
        ]) else { return nil }
        let model = reader.choice(BehaviourModel.self, "model", of: object, at: path)
        let basis = readBasis(of: object, at: path, with: &reader)
        switch model {
        case .fiveElements?:
            // Perbup Pasuruan 117/2019 Pasal 12 ayat (3): kepemimpinan only for some posts.
            let kinds = reader.choices(JobKind.self, "leadershipJobKinds", of: object, at: path, nonEmpty: false)
            let functional = reader.bool("leadershipForFungsionalWhenRequired", of: object, at: path)
            guard let kinds, let functional, let basis else { return nil }
            return Behaviour(model: .fiveElements, leadershipJobKinds: kinds,
                             leadershipForFungsionalWhenRequired: functional, basis: basis)
        case .berakhlak?:
            for key in ["leadershipJobKinds", "leadershipForFungsionalWhenRequired"] where object[key] != nil {
                reader.report(path.appending(key), .inconsistent, "tidak berlaku untuk model 'berakhlak'")
            }
            guard let basis else { return nil }
            return Behaviour(model: .berakhlak, basis: basis)
        case nil:
            return nil
        }
    }

    static func readPeriodicEvaluation(_ value: JSONValue?, at path: JSONPath,
                                       with reader: inout JSONReader) -> PeriodicEvaluation? {
        guard let object = reader.object(value, at: path, allowedKeys: ["cadence", "basis"]) else { return nil }
        let cadence = reader.choice(Cadence.self, "cadence", of: object, at: path)
        let basis = readBasis(of: object, at: path, with: &reader)
        guard let cadence, let basis else { return nil }
        return PeriodicEvaluation(cadence: cadence, basis: basis)
    }

    static func readSKP(_ value: JSONValue?, at path: JSONPath, with reader: inout JSONReader) -> SKP? {
        guard let object = reader.object(value, at: path, allowedKeys: ["deadline", "timeUnits", "review"]) else {
            return nil
        }
        var deadline: SKPDeadline?
        let deadlinePath = path.appending("deadline")
        if let members = reader.object(reader.member("deadline", of: object, at: path), at: deadlinePath,
                                       allowedKeys: ["endOfMonth", "basis"]) {
            let month = reader.integer("endOfMonth", of: members, at: deadlinePath, in: 1...12)
            let basis = readBasis(of: members, at: deadlinePath, with: &reader)
            if let month, let basis { deadline = SKPDeadline(endOfMonth: month, basis: basis) }
        }
        var timeUnits: TimeUnits?
        let unitsPath = path.appending("timeUnits")
        if let members = reader.object(reader.member("timeUnits", of: object, at: path), at: unitsPath,
                                       allowedKeys: ["allowed", "basis"]) {
            let allowed = reader.choices(SKPTimeUnit.self, "allowed", of: members, at: unitsPath)
            let basis = readBasis(of: members, at: unitsPath, with: &reader)
            if let allowed, let basis { timeUnits = TimeUnits(allowed: allowed, basis: basis) }
        }
        var review: Review?
        let reviewPath = path.appending("review")
        let reviewValue = reader.member("review", of: object, at: path, required: false)
        if let members = reader.object(reviewValue, at: reviewPath, allowedKeys: ["byPengelolaKinerja", "basis"]) {
            let flag = reader.bool("byPengelolaKinerja", of: members, at: reviewPath)
            let basis = readBasis(of: members, at: reviewPath, with: &reader)
            if let flag, let basis { review = Review(byPengelolaKinerja: flag, basis: basis) }
        }
        guard let deadline, let timeUnits, reviewValue == nil || review != nil else { return nil }
        return SKP(deadline: deadline, timeUnits: timeUnits, review: review)
    }

    static func readCoverage(_ value: JSONValue?, at path: JSONPath, with reader: inout JSONReader) -> Coverage? {
        guard let object = reader.object(value, at: path, allowedKeys: ["employeeTypes", "exemptStatuses"]) else {
            return nil
        }
        var valid = true
        var types: [CoveredType] = []
        if let elements = reader.array("employeeTypes", of: object, at: path) {
            for (index, element) in elements.enumerated() {
                let elementPath = path.appending("employeeTypes").appending(index)
                guard let members = reader.object(element, at: elementPath, allowedKeys: ["type", "from", "basis"]) else {
                    valid = false
                    continue
                }
                let type = reader.choice(EmployeeType.self, "type", of: members, at: elementPath)
                let from = reader.civilDate("from", of: members, at: elementPath, required: false)
                let basis = readBasis(of: members, at: elementPath, with: &reader)
                if members["from"] != nil, members["from"] != .null, from == nil { valid = false }
                guard let type, let basis else { valid = false; continue }
                if types.contains(where: { $0.type == type }) {
                    reader.report(elementPath.appending("type"), .duplicate, "'\(type.rawValue)' sudah tercantum")
                    valid = false
                }
                types.append(CoveredType(type: type, from: from, basis: basis))
            }
        } else {
            valid = false
        }
        var exemptions: [ExemptStatus] = []
        if let elements = reader.array("exemptStatuses", of: object, at: path, nonEmpty: false) {
            for (index, element) in elements.enumerated() {
                let elementPath = path.appending("exemptStatuses").appending(index)
                guard let members = reader.object(element, at: elementPath, allowedKeys: ["status", "basis"]) else {
                    valid = false
                    continue
                }
                let status = reader.choice(EmploymentStatus.self, "status", of: members, at: elementPath)
                let basis = readBasis(of: members, at: elementPath, with: &reader)
                guard let status, let basis else { valid = false; continue }
                if exemptions.contains(where: { $0.status == status }) {
                    reader.report(elementPath.appending("status"), .duplicate, "'\(status.rawValue)' sudah tercantum")
                    valid = false
                }
                exemptions.append(ExemptStatus(status: status, basis: basis))
            }
        } else {
            valid = false
        }
        return valid ? Coverage(employeeTypes: types, exemptStatuses: exemptions) : nil
    }

    static func readObjection(_ value: JSONValue?, at path: JSONPath, with reader: inout JSONReader) -> Objection? {
        guard let object = reader.object(value, at: path, allowedKeys: ["filingWindow", "decisionWindow"]) else {
            return nil
        }
        let filing = readDayWindow(reader.member("filingWindow", of: object, at: path),
                                   at: path.appending("filingWindow"), with: &reader)
        let decisionValue = reader.member("decisionWindow", of: object, at: path, required: false)
        let decision = readDayWindow(decisionValue, at: path.appending("decisionWindow"), with: &reader)
        guard let filing, decisionValue == nil || decision != nil else { return nil }
        return Objection(filingWindow: filing, decisionWindow: decision)
    }

    static func readAssessment(_ value: JSONValue?, at path: JSONPath, with reader: inout JSONReader) -> Assessment? {
        guard let object = reader.object(value, at: path, allowedKeys: ["window"]) else { return nil }
        guard let window = readDayWindow(reader.member("window", of: object, at: path),
                                         at: path.appending("window"), with: &reader) else { return nil }
        return Assessment(window: window)
    }
}
