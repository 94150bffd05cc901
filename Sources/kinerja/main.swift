// The operator CLI: parses the subcommand and hands it to module code. Add a subcommand by adding
// a `case` below and its usage to `usage`.
import Foundation
import JobQueue
import Mail
import Persistence
import Postgres
import Runtime
import Worker

let arguments = Array(CommandLine.arguments.dropFirst())
let environment = ProcessInfo.processInfo.environment
let logger = Logger(minimumLevel: .info)
let usage = """
    usage: kinerja COMMAND [OPTIONS]

    commands:
      help  Show this text.
      \(Migrator.commandUsage)
      \(Seeder.commandUsage)
      \(RulesCommand.commandUsage)
      \(CentralAdminCommand.commandUsage)
      \(AuditCommand.commandUsage)
      bench-queue  Drain queued no-op jobs and measure (used by scripts/bench/queue).
      bench-documents  Render and store evaluation documents and measure (used by scripts/bench/documents).
      bench-mail   Send e-mails to KINERJA_SMTP_URL directly and through the worker (used by scripts/bench/mail).
    """

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

switch arguments.first {
case "migrate":
    exit(Migrator.runCommand(arguments: Array(arguments.dropFirst()), environment: environment, logger: logger,
                             output: { print($0) }, errorOutput: printError))
case "seed":
    exit(Seeder.runCommand(arguments: Array(arguments.dropFirst()), environment: environment, logger: logger,
                           now: Date(), output: { print($0) }, errorOutput: printError))
case "rules":
    exit(RulesCommand.run(arguments: Array(arguments.dropFirst()), environment: environment, logger: logger,
                          now: Date(), input: { FileHandle.standardInput.readDataToEndOfFile() },
                          output: { print($0) }, errorOutput: printError))
case "admin":
    exit(CentralAdminCommand.run(arguments: Array(arguments.dropFirst()), environment: environment, logger: logger,
                                 readLine: { Swift.readLine(strippingNewline: true) },
                                 output: { print($0) }, errorOutput: printError))
case "audit":
    exit(AuditCommand.run(arguments: Array(arguments.dropFirst()), environment: environment, logger: logger,
                          output: { print($0) }, errorOutput: printError))
case "bench-queue":
    exit(QueueBenchmark.run(environment: environment, logger: logger))
case "bench-documents":
    exit(DocumentBenchmark.run(environment: environment, logger: Logger(minimumLevel: .warning)))
case "bench-mail":
    SMTPClient.initializeLibrary()  // before any thread starts (libcurl)
    // Warnings only: the worker logs a line per e-mail at info, which would drown the figures.
    exit(MailBenchmark.run(environment: environment, logger: Logger(minimumLevel: .warning)))
case "help", "--help", "-h":
    print(usage)
case let command?:
    printError("kinerja: unknown command \(command)\n\n" + usage)
    exit(2)
case nil:
    printError(usage)
    exit(2)
}
