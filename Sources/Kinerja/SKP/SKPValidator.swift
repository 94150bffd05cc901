import Foundation

/// Checks an SKP's content against the limits and the tenant's rules, reporting every problem
/// (not only the first) with its JSON pointer.
public enum SKPValidator {
    /// The problems of `content` under `ruleSet`. With `forSubmission`, also what a complete plan
    /// needs: at least one RHK utama, and at least one IKI per RHK.
    public static func validate(_ content: SKPContent, ruleSet: RuleSet, forSubmission: Bool = false) -> [SKPValidationProblem] {
        var problems: [SKPValidationProblem] = []
        func text(_ value: String, at pointer: String, required: Bool = true, limit: Int = SKPLimits.maxTextLength) {
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if required && trimmed.isEmpty {
                problems.append(.init(pointer: pointer, code: "required", message: "Wajib diisi."))
            } else if value.count > limit {
                problems.append(.init(pointer: pointer, code: "too-long",
                                      message: "Paling banyak \(limit) karakter (sekarang \(value.count))."))
            }
        }

        if content.rhk.count > SKPLimits.maxRHK {
            problems.append(.init(pointer: "/rhk", code: "too-many",
                                  message: "Paling banyak \(SKPLimits.maxRHK) RHK (sekarang \(content.rhk.count))."))
        }
        var seen = Set<UUID>()
        for (index, rhk) in content.rhk.enumerated() {
            let base = "/rhk/\(index)"
            if !seen.insert(rhk.id).inserted {
                problems.append(.init(pointer: base + "/id", code: "duplicate", message: "ID RHK ganda."))
            }
            text(rhk.text, at: base + "/text")
            switch rhk.serves {
            case .superiorRHK(let id) where id == rhk.id:
                problems.append(.init(pointer: base + "/serves", code: "self-reference",
                                      message: "RHK tidak dapat mengintervensi dirinya sendiri."))
            case .perjanjianKinerja(let reference):
                text(reference, at: base + "/serves/perjanjianKinerja")
            default:
                break
            }
            if rhk.iki.count > SKPLimits.maxIKIPerRHK {
                problems.append(.init(pointer: base + "/iki", code: "too-many",
                                      message: "Paling banyak \(SKPLimits.maxIKIPerRHK) IKI per RHK (sekarang \(rhk.iki.count))."))
            }
            if forSubmission && rhk.iki.isEmpty {
                // Perbup Tanah Laut 2024 Pasal 8 ayat (2): every result has its success measures.
                problems.append(.init(pointer: base + "/iki", code: "required",
                                      message: "Setiap RHK wajib memiliki paling sedikit satu IKI.",
                                      basis: LegalBasis(regulation: "PermenPANRB 6/2022", note: "IKI dan target setiap RHK")))
            }
            for (number, iki) in rhk.iki.enumerated() {
                problems += validate(iki, at: base + "/iki/\(number)", ruleSet: ruleSet)
            }
        }
        if forSubmission && !content.rhk.contains(where: { $0.kind == .utama }) {
            problems.append(.init(pointer: "/rhk", code: "required", message: "SKP wajib memiliki paling sedikit satu RHK utama."))
        }

        let aspects = PerilakuKerjaEkspektasi.aspects(of: ruleSet.behaviour.model)
        var seenAspects = Set<String>()
        if content.perilaku.count > SKPLimits.maxListEntries {
            problems.append(.init(pointer: "/perilaku", code: "too-many",
                                  message: "Paling banyak \(SKPLimits.maxListEntries) ekspektasi perilaku."))
        }
        for (index, perilaku) in content.perilaku.enumerated() {
            let base = "/perilaku/\(index)"
            if !aspects.contains(perilaku.aspect) {
                problems.append(.init(pointer: base + "/aspect", code: "unknown-aspect",
                                      message: "Aspek perilaku '\(String(perilaku.aspect.prefix(60)))' tidak dikenal; yang sah: "
                                        + aspects.joined(separator: ", ") + ". (" + ruleSet.behaviour.basis.description + ")",
                                      basis: ruleSet.behaviour.basis))
            } else if !seenAspects.insert(perilaku.aspect).inserted {
                problems.append(.init(pointer: base + "/aspect", code: "duplicate", message: "Aspek perilaku ganda."))
            }
            if let khusus = perilaku.ekspektasiKhusus { text(khusus, at: base + "/ekspektasiKhusus") }
        }

        let lampiran = content.lampiran
        if lampiran.resources.count > SKPLimits.maxListEntries {
            problems.append(.init(pointer: "/lampiran/resources", code: "too-many",
                                  message: "Paling banyak \(SKPLimits.maxListEntries) sumber daya."))
        }
        for (index, resource) in lampiran.resources.enumerated() {
            text(resource.text, at: "/lampiran/resources/\(index)/text")
        }
        if lampiran.evidence.isEmpty {
            problems.append(.init(pointer: "/lampiran/evidence", code: "required",
                                  message: "Bukti kinerja yang diharapkan wajib diisi.",
                                  basis: LegalBasis(regulation: "Perbup Tanah Laut 2024", article: "Pasal 11 huruf b")))
        }
        if let positive = lampiran.positiveConsequence { text(positive, at: "/lampiran/positiveConsequence", required: false) }
        if let negative = lampiran.negativeConsequence { text(negative, at: "/lampiran/negativeConsequence", required: false) }
        return problems
    }

    /// The problems of one IKI at `base`.
    static func validate(_ iki: IKI, at base: String, ruleSet: RuleSet) -> [SKPValidationProblem] {
        var problems: [SKPValidationProblem] = []
        let indicator = iki.indicator.trimmingCharacters(in: .whitespacesAndNewlines)
        if indicator.isEmpty {
            problems.append(.init(pointer: base + "/indicator", code: "required", message: "Wajib diisi."))
        } else if iki.indicator.count > SKPLimits.maxTextLength {
            problems.append(.init(pointer: base + "/indicator", code: "too-long",
                                  message: "Paling banyak \(SKPLimits.maxTextLength) karakter (sekarang \(iki.indicator.count))."))
        }
        let unit = iki.unit.trimmingCharacters(in: .whitespaces)
        if unit.isEmpty {
            problems.append(.init(pointer: base + "/unit", code: "required", message: "Satuan target wajib diisi."))
        } else if iki.unit.count > SKPLimits.maxUnitLength {
            problems.append(.init(pointer: base + "/unit", code: "too-long",
                                  message: "Paling banyak \(SKPLimits.maxUnitLength) karakter."))
        }
        if let timeUnit = iki.timeUnit {
            let check = SKPCheck.isTimeUnitAllowed(timeUnit, ruleSet: ruleSet)
            if !check.value {
                let basis = ruleSet.skp.timeUnits.basis
                problems.append(.init(pointer: base + "/unit", code: "time-unit-not-allowed",
                                      message: (check.explanation.steps.first?.text ?? "Satuan waktu tidak diperbolehkan.")
                                        + " (" + basis.description + ")",
                                      basis: basis))
            }
        } else if iki.aspect == .waktu && !unit.isEmpty {
            let allowed = ruleSet.skp.timeUnits.allowed.map(\.rawValue).joined(separator: ", ")
            problems.append(.init(pointer: base + "/unit", code: "time-unit-required",
                                  message: "Target aspek waktu wajib memakai satuan waktu: \(allowed).",
                                  basis: ruleSet.skp.timeUnits.basis))
        }
        switch iki.approach {
        case .kuantitatif:
            if let value = iki.targetValue {
                if value < 0 || value > 1_000_000_000 {
                    problems.append(.init(pointer: base + "/targetValue", code: "out-of-range",
                                          message: "Target harus di antara 0 dan 1.000.000.000."))
                }
            } else {
                problems.append(.init(pointer: base + "/targetValue", code: "required",
                                      message: "Target kuantitatif wajib berupa angka."))
            }
        case .kualitatif:
            let target = iki.targetText?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if target.isEmpty {
                problems.append(.init(pointer: base + "/targetText", code: "required",
                                      message: "Target kualitatif wajib diuraikan."))
            } else if let text = iki.targetText, text.count > SKPLimits.maxTextLength {
                problems.append(.init(pointer: base + "/targetText", code: "too-long",
                                      message: "Paling banyak \(SKPLimits.maxTextLength) karakter."))
            }
        }
        return problems
    }
}
