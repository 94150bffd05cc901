import Foundation

extension RuleSet: JSONReadable {
    static let topLevelKeys: Set<String> = [
        "formatVersion", "tenant", "name", "timeZone", "evaluation", "behaviour",
        "periodicEvaluation", "skp", "coverage", "objection", "assessment",
    ]

    /// Reads the document, reporting every problem to `reader`.
    public static func read(_ value: JSONValue, with reader: inout JSONReader) -> RuleSet? {
        let root = JSONPath.root
        guard let object = reader.object(value, at: root, allowedKeys: topLevelKeys) else { return nil }
        let formatVersion = reader.integer("formatVersion", of: object, at: root,
                                           in: supportedFormatVersions)
        let tenant = reader.string("tenant", of: object, at: root)
        if let tenant, !isSlug(tenant) {
            reader.report(root.appending("tenant"), .unknownValue,
                          "slug hanya boleh huruf kecil a–z, angka dan '-' (sekarang '\(tenant)')")
        }
        let name = reader.string("name", of: object, at: root)
        let timeZone = reader.string("timeZone", of: object, at: root)
        if let timeZone, TimeZone(identifier: timeZone) == nil, indonesianZoneOffsets[timeZone] == nil {
            reader.report(root.appending("timeZone"), .unknownValue,
                          "zona waktu '\(timeZone)' tidak dikenal; contoh: Asia/Jakarta, Asia/Makassar")
        }
        let evaluation = readEvaluation(reader.member("evaluation", of: object, at: root),
                                        at: root.appending("evaluation"), with: &reader)
        let behaviour = readBehaviour(reader.member("behaviour", of: object, at: root),
                                      at: root.appending("behaviour"), with: &reader)
        let periodic = readPeriodicEvaluation(reader.member("periodicEvaluation", of: object, at: root),
                                              at: root.appending("periodicEvaluation"), with: &reader)
        let skp = readSKP(reader.member("skp", of: object, at: root), at: root.appending("skp"), with: &reader)
        let coverage = readCoverage(reader.member("coverage", of: object, at: root),
                                    at: root.appending("coverage"), with: &reader)
        let objection = readObjection(reader.member("objection", of: object, at: root),
                                      at: root.appending("objection"), with: &reader)
        let assessment = readAssessment(reader.member("assessment", of: object, at: root, required: false),
                                        at: root.appending("assessment"), with: &reader)

        // Checked on the raw members, so the contradiction is reported even when either section has other errors.
        if rawChoice(EvaluationModel.self, in: object, "evaluation", "model") == .weighted,
           let behaviourModel = rawChoice(BehaviourModel.self, in: object, "behaviour", "model"),
           behaviourModel != .fiveElements {
            reader.report(root.appending("behaviour").appending("model"), .inconsistent,
                          "model penilaian 'weighted' memerlukan perilaku 'five-elements' (nilai angka per unsur)")
        }
        guard let formatVersion, let tenant, let name, let timeZone, let evaluation, let behaviour,
              let periodic, let skp, let coverage, let objection else { return nil }
        if object["assessment"] != nil && object["assessment"] != .null, assessment == nil { return nil }
        return RuleSet(formatVersion: formatVersion, tenant: tenant, name: name, timeZone: timeZone,
                       evaluation: evaluation, behaviour: behaviour, periodicEvaluation: periodic,
                       skp: skp, coverage: coverage, objection: objection, assessment: assessment)
    }

    private static func rawChoice<E: RawRepresentable>(_ type: E.Type, in object: [String: JSONValue],
                                                       _ section: String, _ key: String) -> E? where E.RawValue == String {
        guard case .object(let members)? = object[section], case .string(let text)? = members[key] else { return nil }
        return E(rawValue: text)
    }

    static func isSlug(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 64 && !text.hasPrefix("-") && !text.hasSuffix("-")
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// Reads `{"regulation", "article"?, "note"?}` at `path`.
    static func readBasis(_ value: JSONValue?, at path: JSONPath, with reader: inout JSONReader) -> LegalBasis? {
        guard let object = reader.object(value, at: path, allowedKeys: ["regulation", "article", "note"]) else {
            return nil
        }
        let regulation = reader.string("regulation", of: object, at: path)
        let article = reader.string("article", of: object, at: path, required: false)
        let note = reader.string("note", of: object, at: path, required: false)
        guard let regulation else { return nil }
        return LegalBasis(regulation: regulation, article: article, note: note)
    }

    /// Reads the required `basis` member of `object`.
    static func readBasis(of object: [String: JSONValue], at path: JSONPath,
                          with reader: inout JSONReader) -> LegalBasis? {
        readBasis(reader.member("basis", of: object, at: path), at: path.appending("basis"), with: &reader)
    }

    /// Reads a `DayWindow` object.
    static func readDayWindow(_ value: JSONValue?, at path: JSONPath, with reader: inout JSONReader) -> DayWindow? {
        guard let object = reader.object(value, at: path, allowedKeys: ["days", "unit", "basis"]) else { return nil }
        let days = reader.integer("days", of: object, at: path, in: 1...365)
        let unit = reader.choice(DayUnit.self, "unit", of: object, at: path)
        let basis = readBasis(of: object, at: path, with: &reader)
        guard let days, let unit, let basis else { return nil }
        return DayWindow(days: days, unit: unit, basis: basis)
    }

    private static func readEvaluation(_ value: JSONValue?, at path: JSONPath,
                                       with reader: inout JSONReader) -> Evaluation? {
        guard let object = reader.object(value, at: path, allowedKeys: [
            "model", "basis", "distribution", "weights", "formulas", "rounding", "categories",
        ]) else { return nil }
        let model = reader.choice(EvaluationModel.self, "model", of: object, at: path)
        let basis = readBasis(of: object, at: path, with: &reader)
        let quadrantKeys = ["distribution"]
        let weightedKeys = ["weights", "formulas", "rounding", "categories"]
        var evaluation: Evaluation?
        switch model {
        case .quadrant?:
            for key in weightedKeys where object[key] != nil {
                reader.report(path.appending(key), .inconsistent, "tidak berlaku untuk model 'quadrant'")
            }
            let distribution = readDistribution(reader.member("distribution", of: object, at: path),
                                                at: path.appending("distribution"), with: &reader)
            if let basis, let distribution {
                evaluation = Evaluation(model: .quadrant, basis: basis, distribution: distribution)
            }
        case .weighted?:
            for key in quadrantKeys where object[key] != nil {
                reader.report(path.appending(key), .inconsistent, "tidak berlaku untuk model 'weighted'")
            }
            let weights = readWeights(reader.member("weights", of: object, at: path),
                                      at: path.appending("weights"), with: &reader)
            let formulas = readFormulas(reader.member("formulas", of: object, at: path),
                                        at: path.appending("formulas"), with: &reader)
            let rounding = readRounding(reader.member("rounding", of: object, at: path),
                                        at: path.appending("rounding"), with: &reader)
            let categories = readCategories(reader.member("categories", of: object, at: path),
                                            at: path.appending("categories"), with: &reader)
            if let basis, let weights, let formulas, let rounding, let categories {
                evaluation = Evaluation(model: .weighted, basis: basis, weights: weights, formulas: formulas,
                                        rounding: rounding, categories: categories)
            }
        case nil:
            break
        }
        return evaluation
    }

    private static func readDistribution(_ value: JSONValue?, at path: JSONPath,
                                         with reader: inout JSONReader) -> Distribution? {
        guard let object = reader.object(value, at: path,
                                         allowedKeys: ["scope", "rounding", "warnOnlyBelow", "basis"]) else { return nil }
        let scope = reader.choice(DistributionScope.self, "scope", of: object, at: path)
        let rounding = reader.choice(DistributionRounding.self, "rounding", of: object, at: path)
        let warnOnlyBelow = reader.integer("warnOnlyBelow", of: object, at: path, in: 0...1000)
        let basis = readBasis(of: object, at: path, with: &reader)
        guard let scope, let rounding, let warnOnlyBelow, let basis else { return nil }
        return Distribution(scope: scope, rounding: rounding, warnOnlyBelow: warnOnlyBelow, basis: basis)
    }

    private static func readWeights(_ value: JSONValue?, at path: JSONPath, with reader: inout JSONReader) -> Weights? {
        guard let object = reader.object(value, at: path, allowedKeys: ["skp", "perilaku", "basis"]) else { return nil }
        let skp = reader.decimal("skp", of: object, at: path, in: 0...100)
        let perilaku = reader.decimal("perilaku", of: object, at: path, in: 0...100)
        let basis = readBasis(of: object, at: path, with: &reader)
        if let skp, let perilaku, skp + perilaku != 100 {
            reader.report(path, .inconsistent, "jumlah bobot skp dan perilaku harus 100 (sekarang \(skp + perilaku))")
            return nil
        }
        guard let skp, let perilaku, let basis else { return nil }
        return Weights(skp: skp, perilaku: perilaku, basis: basis)
    }

    private static func readFormulas(_ value: JSONValue?, at path: JSONPath, with reader: inout JSONReader) -> Formulas? {
        guard let object = reader.object(value, at: path,
                                         allowedKeys: ["standard", "efficiencyThreshold", "basis"]) else { return nil }
        let standard = reader.choice(FormulaStandard.self, "standard", of: object, at: path)
        let threshold = reader.decimal("efficiencyThreshold", of: object, at: path, in: 0...100)
        let basis = readBasis(of: object, at: path, with: &reader)
        guard let standard, let threshold, let basis else { return nil }
        return Formulas(standard: standard, efficiencyThreshold: threshold, basis: basis)
    }

    private static func readRounding(_ value: JSONValue?, at path: JSONPath,
                                     with reader: inout JSONReader) -> ScoreRounding? {
        guard let object = reader.object(value, at: path, allowedKeys: ["scale", "mode"]) else { return nil }
        let scale = reader.integer("scale", of: object, at: path, in: 0...6)
        let mode = reader.choice(RoundingMode.self, "mode", of: object, at: path)
        guard let scale, let mode else { return nil }
        return ScoreRounding(scale: scale, mode: mode)
    }

    private static func readCategories(_ value: JSONValue?, at path: JSONPath,
                                       with reader: inout JSONReader) -> Categories? {
        guard let object = reader.object(value, at: path,
                                         allowedKeys: ["bounds", "poorBehaviourAtOrBelow", "basis"]) else { return nil }
        let poor = reader.choice(WeightedCategory.self, "poorBehaviourAtOrBelow", of: object, at: path)
        let basis = readBasis(of: object, at: path, with: &reader)
        var bounds: [CategoryBound] = []
        var valid = true
        if let elements = reader.array("bounds", of: object, at: path) {
            for (index, element) in elements.enumerated() {
                let elementPath = path.appending("bounds").appending(index)
                guard let bound = reader.object(element, at: elementPath, allowedKeys: ["category", "min"]) else {
                    valid = false
                    continue
                }
                let category = reader.choice(WeightedCategory.self, "category", of: bound, at: elementPath)
                let min = reader.decimal("min", of: bound, at: elementPath, in: 0...1000)
                guard let category, let min else { valid = false; continue }
                if let previous = bounds.last {
                    if category <= previous.category {
                        reader.report(elementPath.appending("category"), .inconsistent,
                                      "kategori harus urut dari terbaik ke terburuk tanpa pengulangan")
                        valid = false
                    }
                    if min >= previous.min {
                        reader.report(elementPath.appending("min"), .inconsistent,
                                      "batas bawah harus lebih kecil dari kategori sebelumnya (\(previous.min))")
                        valid = false
                    }
                }
                bounds.append(CategoryBound(category: category, min: min))
            }
            if valid, let last = bounds.last, last.min != 0 {
                reader.report(path.appending("bounds").appending(elements.count - 1).appending("min"),
                              .inconsistent, "kategori terakhir harus mulai dari 0 agar setiap nilai berkategori")
                valid = false
            }
        } else {
            valid = false
        }
        guard valid, let poor, let basis else { return nil }
        return Categories(bounds: bounds, poorBehaviourAtOrBelow: poor, basis: basis)
    }
}
