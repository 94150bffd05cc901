// kinerja-api: read the configuration, start the service, wait for SIGTERM/SIGINT, turn not
// ready, pause, drain, exit.
import API
import Foundation
import Runtime

let signals = SignalWaiter()  // first: every thread started later inherits the blocked signals
let configuration: APIConfiguration
do {
    configuration = try APIConfiguration.fromEnvironment(
        ProcessInfo.processInfo.environment, cores: ProcessInfo.processInfo.activeProcessorCount)
} catch {
    FileHandle.standardError.write(Data("kinerja-api: \(error)\n".utf8))
    exit(1)
}
let logger = Logger(minimumLevel: configuration.logLevel, metadata: ["service": "kinerja-api"])
do {
    let service = try APIService(configuration: configuration, logger: logger)
    try service.start()
    let signal = signals.wait()
    logger.info("shutting down", ["signal": .int(Int(signal))])
    // The drain pause (KINERJA_HTTP_DRAIN_DELAY_MS) ends early on a second signal.
    service.stop(pause: { delay in _ = signals.waitForAnother(timeout: delay) })
} catch {
    logger.error("kinerja-api failed to start", ["error": .string(String(describing: error))])
    exit(1)
}
