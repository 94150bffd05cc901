// kinerja-worker: read the configuration, run the job handlers, wait for SIGTERM/SIGINT, drain.
import Foundation
import Mail
import Runtime
import Worker

SMTPClient.initializeLibrary()  // libcurl's global init must run before any thread starts
let signals = SignalWaiter()  // before any thread of ours, which then inherit the blocked signals
let configuration: WorkerConfiguration
do {
    configuration = try WorkerConfiguration.fromEnvironment(ProcessInfo.processInfo.environment)
} catch {
    FileHandle.standardError.write(Data("kinerja-worker: \(error)\n".utf8))
    exit(1)
}
let logger = Logger(minimumLevel: configuration.logLevel, metadata: ["service": "kinerja-worker"])
do {
    let service = try WorkerService(configuration: configuration, logger: logger)
    try service.start()
    let signal = signals.wait()
    logger.info("shutting down", ["signal": .int(Int(signal))])
    service.stop()
} catch {
    logger.error("kinerja-worker failed to start", ["error": .string(String(describing: error))])
    exit(1)
}
