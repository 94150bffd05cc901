import HTTP
import JobQueue
import Mail
import Persistence
import Postgres
import Runtime

/// kinerja-worker assembled: the database pool, the queue, the job handlers and a small HTTP
/// listener for `/healthz` and `/metrics`. `main.swift` and the tests start it the same way.
public final class WorkerService: Sendable {
    public let configuration: WorkerConfiguration
    public let pool: PostgresPool
    public let worker: JobWorker
    public let metricsServer: HTTPServer
    private let logger: Logger

    /// Builds the service; nothing connects or listens until `start()`.
    public init(configuration: WorkerConfiguration, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        pool = PostgresPool(configuration: configuration.database, logger: logger)
        let queue = JobQueue(pool: pool, configuration: configuration.queue, logger: logger)
        worker = JobWorker(queue: queue, configuration: JobWorker.Configuration(
            threads: configuration.threads, batchSize: configuration.batchSize,
            heartbeatInterval: configuration.heartbeatInterval, gracePeriod: configuration.gracePeriod), logger: logger)
        let delivery = JobMailDelivery(
            pool: pool, mailer: configuration.mail.makeMailer(logger: logger),
            sender: try MailAddress(configuration.mailFromAddress, name: configuration.mailFromName,
                                    field: "KINERJA_MAIL_FROM"),
            logger: logger)
        let email = EmailJobHandler(delivery: delivery)
        try worker.register(EmailJob.kind) { job in try email.handle(job) }
        let notifier = PersonNotifier(recipients: RecipientStore(pool: pool), delivery: delivery, logger: logger)
        // The evaluation cycle: documents, notifications, the daily reminder scan and its reminders.
        try CycleJobs.register(on: worker, pool: pool, queue: queue, notifier: notifier,
                               links: DocumentLinks(baseURL: configuration.publicURL), logger: logger)
        let skp = SKPNotificationHandler(notifier: notifier)
        for kind in SKPNotificationText.kinds {
            try worker.register(kind) { job in try skp.handle(job) }
        }
        if configuration.testKinds.contains(SlowEmailTestJob.kind) {
            logger.warning("test job kind registered", ["job.kind": .string(SlowEmailTestJob.kind)])
            try worker.register(SlowEmailTestJob.kind) { job in try SlowEmailTestJob.handle(job, email: email) }
        }
        if let directory = configuration.testRecordDirectory {
            let record = try TestRecordHandler(directory: directory)
            try worker.register(TestRecordHandler.kind) { job in try record.handle(job) }
        }

        let router = Router()
        let worker = self.worker
        let gauge = JobStateGauge(queue: queue)
        router.get("/healthz", onReactor: true) { _ in Response.text("ok") }
        // This process's counters, then the database's count of jobs by kind, state and tenant.
        router.get("/metrics") { _ in
            Response.bytes(Array((worker.metrics.render() + gauge.render()).utf8),
                           contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
        metricsServer = HTTPServer(
            configuration: HTTPServer.Configuration(
                host: configuration.metricsHost, port: configuration.metricsPort, handlerThreads: 1,
                maxConnections: 64, accessLog: false, threadNamePrefix: "metrics"),
            router: router, logger: logger)
    }

    /// Starts claiming jobs and serving metrics.
    public func start() throws {
        logger.info("worker starting", ["mail": .string(configuration.mail.description),
                                        "threads": .int(configuration.threads)])
        try metricsServer.start()
        worker.start()
    }

    /// Ordered shutdown: stop claiming and let running jobs finish within the grace period
    /// (the rest are released), then stop the metrics listener and close the pool.
    public func stop() {
        let report = worker.stop(grace: configuration.gracePeriod)
        logger.info("worker stopped", ["released": .int(report.releasedUnstarted), "interrupted": .int(report.interrupted)])
        metricsServer.shutdown(deadline: .seconds(2))
        pool.close()
    }
}
