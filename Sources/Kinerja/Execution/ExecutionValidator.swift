import Foundation

/// Checks the execution inputs against the limits and the plan they belong to; every problem with
/// its JSON Pointer, so a client can mark each field. Pure.
public enum ExecutionValidator {
    /// Problems of an RHK's timeline and action plans for an SKP that starts in `startMonth`:
    /// months within `startMonth`…12 (Pasal 15 huruf a: the 12-month timeline of the SKP's year),
    /// ascending and unique; each action plan within the timeline's months (huruf b).
    public static func validate(_ plan: RHKExecutionPlan, startMonth: Int) -> [SKPValidationProblem] {
        var problems = months(plan.timeline.months, pointer: "/timeline/months", startMonth: startMonth)
        let maxDuration = switch plan.timeline.durationUnit {
        case .hari: 366
        case .minggu: 53
        case .bulan: 12
        }
        if !(1...maxDuration).contains(plan.timeline.duration) {
            problems.append(SKPValidationProblem(pointer: "/timeline/duration", code: "out-of-range",
                                                 message: "Durasi harus di antara 1 dan \(maxDuration) \(plan.timeline.durationUnit.rawValue).",
                                                 basis: ExecutionBasis.plan))
        }
        if plan.rencanaAksi.isEmpty {
            problems.append(SKPValidationProblem(pointer: "/rencanaAksi", code: "required",
                                                 message: "Setiap RHK wajib memiliki paling sedikit satu rencana aksi.",
                                                 basis: ExecutionBasis.plan))
        }
        if plan.rencanaAksi.count > ExecutionLimits.maxRencanaAksi {
            problems.append(SKPValidationProblem(pointer: "/rencanaAksi", code: "too-many",
                                                 message: "Paling banyak \(ExecutionLimits.maxRencanaAksi) rencana aksi per RHK."))
            return problems
        }
        let timelineMonths = Set(plan.timeline.months)
        for (index, aksi) in plan.rencanaAksi.enumerated() {
            let base = "/rencanaAksi/\(index)"
            if let problem = text(aksi.text, pointer: base + "/text", required: true) { problems.append(problem) }
            problems += months(aksi.months, pointer: base + "/months", startMonth: startMonth)
            for (position, month) in aksi.months.enumerated() where (1...12).contains(month) && !timelineMonths.contains(month) {
                problems.append(SKPValidationProblem(pointer: base + "/months/\(position)", code: "outside-timeline",
                                                     message: "Bulan \(month) bukan bulan pelaksanaan pada timeline RHK ini.",
                                                     basis: ExecutionBasis.plan))
            }
        }
        return problems
    }

    /// Problems of a realisation entry: a value or a text (at least one), bounded text, at most
    /// `maxLinks` https links of bounded length.
    public static func validate(_ entry: RealisationEntry) -> [SKPValidationProblem] {
        var problems: [SKPValidationProblem] = []
        let hasText = entry.text.map { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } ?? false
        if entry.value == nil && !hasText {
            problems.append(SKPValidationProblem(pointer: "/value", code: "required",
                                                 message: "Isi nilai realisasi dan/atau uraian realisasi.", basis: ExecutionBasis.realisation))
        }
        if let value = entry.value, value.isNaN || value < 0 || value > 1_000_000_000_000 {
            problems.append(SKPValidationProblem(pointer: "/value", code: "out-of-range",
                                                 message: "Nilai realisasi harus di antara 0 dan 1.000.000.000.000."))
        }
        if hasText, let text = entry.text, let problem = self.text(text, pointer: "/text", required: true) { problems.append(problem) }
        if entry.links.count > ExecutionLimits.maxLinks {
            problems.append(SKPValidationProblem(pointer: "/links", code: "too-many",
                                                 message: "Paling banyak \(ExecutionLimits.maxLinks) tautan bukti dukung."))
            return problems
        }
        for (index, link) in entry.links.enumerated() where !isAcceptableLink(link) {
            problems.append(SKPValidationProblem(pointer: "/links/\(index)", code: "invalid-link",
                                                 message: "Tautan bukti dukung harus berupa alamat https:// yang lengkap, paling banyak "
                                                    + "\(ExecutionLimits.maxLinkLength) karakter."))
        }
        return problems
    }

    /// Problems of an uploaded file's name, type and size.
    public static func validateFile(name: String, contentType: String, size: Int) -> [SKPValidationProblem] {
        var problems: [SKPValidationProblem] = []
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.count > ExecutionLimits.maxFileNameLength
            || trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "/" || $0 == "\\" || $0 == "\"" }) {
            problems.append(SKPValidationProblem(pointer: "/name", code: "invalid-value",
                                                 message: "Nama berkas wajib diisi (paling banyak \(ExecutionLimits.maxFileNameLength) karakter, "
                                                    + "tanpa / \\ \" atau karakter kendali)."))
        }
        if !ExecutionLimits.allowedContentTypes.contains(contentType) {
            problems.append(SKPValidationProblem(pointer: "/contentType", code: "unsupported-type",
                                                 message: "Jenis berkas tidak diterima; gunakan PDF, JPEG, PNG, DOCX atau XLSX."))
        }
        if !(1...ExecutionLimits.maxFileBytes).contains(size) {
            problems.append(SKPValidationProblem(pointer: "/size", code: "out-of-range",
                                                 message: "Ukuran berkas harus di antara 1 bita dan 2 MiB."))
        }
        return problems
    }

    /// A problem with a free text, if any: required texts must not be blank; none may exceed the limit.
    public static func text(_ text: String, pointer: String, required: Bool) -> SKPValidationProblem? {
        if required && text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return SKPValidationProblem(pointer: pointer, code: "required", message: "Wajib diisi.")
        }
        if text.count > ExecutionLimits.maxTextLength {
            return SKPValidationProblem(pointer: pointer, code: "too-long",
                                        message: "Paling banyak \(ExecutionLimits.maxTextLength) karakter.")
        }
        return nil
    }

    /// Whether `link` is an absolute https URL with a host, of bounded length, without white space.
    public static func isAcceptableLink(_ link: String) -> Bool {
        guard link.utf8.count <= ExecutionLimits.maxLinkLength, link.lowercased().hasPrefix("https://"),
              !link.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.properties.generalCategory == .control }),
              let url = URL(string: link), url.scheme?.lowercased() == "https", let host = url.host, !host.isEmpty else {
            return false
        }
        return true
    }

    private static func months(_ months: [Int], pointer: String, startMonth: Int) -> [SKPValidationProblem] {
        if months.isEmpty {
            return [SKPValidationProblem(pointer: pointer, code: "required", message: "Paling sedikit satu bulan.")]
        }
        var problems: [SKPValidationProblem] = []
        var previous = 0
        for (index, month) in months.enumerated() {
            if !(startMonth...12).contains(month) {
                problems.append(SKPValidationProblem(pointer: pointer + "/\(index)", code: "out-of-range",
                                                     message: "Bulan harus di antara \(startMonth) (awal SKP) dan 12.",
                                                     basis: ExecutionBasis.plan))
            } else if month <= previous {
                problems.append(SKPValidationProblem(pointer: pointer + "/\(index)", code: "not-ascending",
                                                     message: "Bulan harus urut naik dan tidak berulang."))
            }
            previous = max(previous, month)
        }
        return problems
    }
}
