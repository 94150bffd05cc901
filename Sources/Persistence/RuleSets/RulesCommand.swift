import Foundation
import Kinerja
import Postgres
import Runtime

/// `kinerja rules eval` and `kinerja rules validate`: the command-line face of the rules engine,
/// kept here so `main.swift` stays wiring only. Exit status: 0 answered, 1 bad input or refused
/// (every issue on standard error), 2 bad usage.
public enum RulesCommand {
    /// The usage lines `kinerja help` prints.
    public static let commandUsage = """
        rules eval --tenant SLUG [--on YYYY-MM-DD]
              Read one case as JSON on stdin (ratings, weighted, distribution, deadline, coverage,
              credit-points; see README), evaluate it under the tenant's rule set in force on the date
              (default: today in the tenant's zone) with its holiday calendar, both from the database,
              and print the outcome with its explanation as JSON. Uses KINERJA_DATABASE_URL.
          rules validate FILE
              Parse a rule-set JSON file (- for stdin) and print every issue with its JSON path.
        """

    /// What `rules eval` prints: the outcome and the rule set it came from.
    struct EvalReport: Encodable {
        struct RuleSetReference: Encodable {
            let version: Int
            let name: String
            let validFrom: CivilDate?
            let validUntil: CivilDate?
        }

        let tenant: String
        let on: CivilDate
        let ruleSet: RuleSetReference
        let outcome: RuleOutcome
    }

    /// Runs `rules SUBCOMMAND ...` and returns the exit status. `now` is the clock reading for the
    /// default date; `input` reads standard input.
    public static func run(arguments: [String], environment: [String: String], logger: Logger, now: Date,
                           input: () -> Data, output: (String) -> Void, errorOutput: (String) -> Void) -> Int32 {
        switch arguments.first {
        case "eval":
            return eval(Array(arguments.dropFirst()), environment: environment, logger: logger, now: now, input: input,
                        output: output, errorOutput: errorOutput)
        case "validate":
            return validate(Array(arguments.dropFirst()), input: input, output: output, errorOutput: errorOutput)
        case let other:
            errorOutput("rules: " + (other.map { "unknown subcommand \($0)" } ?? "missing subcommand")
                        + "\nusage: kinerja " + commandUsage)
            return 2
        }
    }

    /// The options of `rules eval`.
    struct EvalOptions: Equatable {
        var tenant: String
        var on: CivilDate?

        /// Parses `--tenant SLUG [--on DATE]`, or says what is wrong.
        static func parse(_ arguments: [String]) -> Result<EvalOptions, UsageError> {
            var tenant: String?
            var on: CivilDate?
            var rest = arguments[...]
            while let argument = rest.popFirst() {
                switch argument {
                case "--tenant":
                    guard let value = rest.popFirst(), Tenant.isValidSlug(value) else {
                        return .failure(UsageError("--tenant needs a tenant slug, e.g. karawang"))
                    }
                    tenant = value
                case "--on":
                    guard let value = rest.popFirst(), let date = CivilDate(iso: value) else {
                        return .failure(UsageError("--on needs a date YYYY-MM-DD"))
                    }
                    on = date
                default:
                    return .failure(UsageError("unknown argument \(argument)"))
                }
            }
            guard let tenant else { return .failure(UsageError("--tenant is required")) }
            return .success(EvalOptions(tenant: tenant, on: on))
        }
    }

    /// A command line that does not parse.
    struct UsageError: Error, Equatable {
        let message: String
        init(_ message: String) { self.message = message }
    }

    private static func eval(_ arguments: [String], environment: [String: String], logger: Logger, now: Date,
                             input: () -> Data, output: (String) -> Void, errorOutput: (String) -> Void) -> Int32 {
        let options: EvalOptions
        switch EvalOptions.parse(arguments) {
        case .success(let parsed): options = parsed
        case .failure(let error):
            errorOutput("rules eval: \(error.message)\nusage: kinerja " + commandUsage)
            return 2
        }
        let ruleCase: RuleCase
        do {
            ruleCase = try RuleCase.parse(input())
        } catch {
            report(error.issues, prefix: "rules eval: the case on stdin is invalid", to: errorOutput)
            return 1
        }
        var reader = EnvironmentReader(environment)
        let url = reader.required("KINERJA_DATABASE_URL")
        do {
            try reader.validate()
        } catch {
            errorOutput("rules eval: \(error)")
            return 1
        }
        let pool = PostgresPool(configuration: .init(url: url, maxConnections: 1), logger: logger)
        defer { pool.close() }
        do {
            guard let tenant = try TenantStore(pool: pool).activeTenant(slug: options.tenant) else {
                errorOutput("rules eval: no active tenant '\(options.tenant)'")
                return 1
            }
            let zone = zone(of: tenant)
            let date = options.on ?? CivilDate(instant: now, in: zone)
            guard let stored = try RuleSetStore(pool: pool).inForce(tenant: tenant.id, on: date) else {
                errorOutput("rules eval: tenant \(tenant.slug) has no published rule set in force on \(date)")
                return 1
            }
            let years = calendarYears(for: ruleCase, on: date, zone: zone)
            let calendar = try HolidayStore(pool: pool).calendar(tenant: tenant.id, years: years)
            let outcome = RuleEvaluator.evaluate(ruleCase, ruleSet: stored.ruleSet, holidays: calendar)
            let report = EvalReport(
                tenant: tenant.slug, on: date,
                ruleSet: .init(version: stored.number, name: stored.ruleSet.name,
                               validFrom: stored.version.validFrom, validUntil: stored.version.validUntil),
                outcome: outcome)
            output(String(decoding: try encoder.encode(report), as: UTF8.self))
            if case .refused(let refusal) = outcome {
                errorOutput("rules eval: refused (\(refusal.code.rawValue)): \(refusal.message)")
                return 1
            }
            return 0
        } catch let error as PostgresError {
            errorOutput("rules eval: \(error): \(error.debugMessage)")
            return 1
        } catch {
            errorOutput("rules eval: \(error)")
            return 1
        }
    }

    private static func validate(_ arguments: [String], input: () -> Data, output: (String) -> Void,
                                 errorOutput: (String) -> Void) -> Int32 {
        guard arguments.count == 1, let path = arguments.first else {
            errorOutput("rules validate: needs exactly one FILE (- for stdin)\nusage: kinerja " + commandUsage)
            return 2
        }
        let data: Data
        if path == "-" {
            data = input()
        } else {
            guard let contents = FileManager.default.contents(atPath: path) else {
                errorOutput("rules validate: cannot read \(path)")
                return 1
            }
            data = contents
        }
        do {
            let ruleSet = try RuleSet.parse(data)
            output("rules validate: \(path) is valid (tenant \(ruleSet.tenant), model \(ruleSet.evaluation.model.rawValue))")
            return 0
        } catch {
            report(error.issues, prefix: "rules validate: \(path) is invalid", to: errorOutput)
            return 1
        }
    }

    /// Every issue on its own line: `path: message [code]`.
    static func report(_ issues: [ValidationIssue], prefix: String, to errorOutput: (String) -> Void) {
        let noun = issues.count == 1 ? "issue" : "issues"
        errorOutput("\(prefix) (\(issues.count) \(noun)):")
        for issue in issues {
            errorOutput("  \(issue.path): \(issue.message) [\(issue.code.rawValue)]")
        }
    }

    /// The years whose holidays a case can need: the evaluation date's and the deadline start's,
    /// and the year after (a window that starts in late December ends in January).
    static func calendarYears(for ruleCase: RuleCase, on date: CivilDate, zone: TimeZone) -> ClosedRange<Int> {
        var years = [date.year]
        if case .deadline(_, let start) = ruleCase {
            switch start {
            case .date(let day): years.append(day.year)
            case .instant(let instant): years.append(CivilDate(instant: instant, in: zone).year)
            }
        }
        let first = years.min() ?? date.year
        return first...((years.max() ?? date.year) + 1)
    }

    private static func zone(of tenant: Tenant) -> TimeZone {
        TimeZone(identifier: tenant.timeZone)
            ?? RuleSet.indonesianZoneOffsets[tenant.timeZone].flatMap { TimeZone(secondsFromGMT: $0) }
            ?? .gmt
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}
