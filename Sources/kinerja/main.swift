// The operator CLI: parses the subcommand and hands it to module code. Add a subcommand by adding
// a `case` below and its usage to `usage`.
import Foundation
import Persistence
import Postgres
import Runtime

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
case "help", "--help", "-h":
    print(usage)
case let command?:
    printError("kinerja: unknown command \(command)\n\n" + usage)
    exit(2)
case nil:
    printError(usage)
    exit(2)
}
