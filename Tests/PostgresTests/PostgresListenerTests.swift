import Foundation
import Synchronization
import Testing
import TestSupport
@testable import Postgres

@Suite(.requiresDatabase)
struct PostgresListenerTests {
    /// Collects what a listener delivers, for the test thread to wait on.
    final class Inbox: Sendable {
        private let items = Mutex<[PostgresNotification]>([])
        func add(_ n: PostgresNotification) { items.withLock { $0.append(n) } }
        func wait(for count: Int, timeout: Duration = .seconds(5)) -> [PostgresNotification] {
            let deadline = ContinuousClock.now + timeout
            while ContinuousClock.now < deadline {
                let current = items.withLock { $0 }
                if current.count >= count { return current }
                Thread.sleep(forTimeInterval: 0.01)
            }
            return items.withLock { $0 }
        }
    }

    @Test func deliversNotificationsAndReconnectsAfterTermination() throws {
        let url = try PostgresTestDatabase.ownerURL()
        let channel = "jobs_" + UUID().uuidString.prefix(8).lowercased()
        let listener = PostgresListener(url: url, channels: [channel, "Other Channel"], logger: .silent,
                                        reconnectDelay: .milliseconds(20) ... .milliseconds(200))
        let inbox = Inbox()
        let listenings = Atomic<Int>(0)
        listener.start(onListening: { listenings.add(1, ordering: .relaxed) }, onNotification: { inbox.add($0) })
        defer { listener.stop() }
        #expect(listener.waitUntilListening(count: 1, timeout: .seconds(5)))

        let sender = try PostgresConnection(url: url)
        defer { sender.close() }
        try sender.notify(channel, payload: "job 1 ready: 'quoted' \"double\" ünï")
        try sender.notify("Other Channel")
        let first = inbox.wait(for: 2)
        #expect(first.map(\.channel) == [channel, "Other Channel"])
        #expect(first.first?.payload == "job 1 ready: 'quoted' \"double\" ünï")
        #expect(first.first?.senderPID == sender.backendPID)

        // Notifications are delivered at commit, not before.
        try sender.transaction { c throws in try c.notify(channel, payload: "in tx") }
        #expect(inbox.wait(for: 3).last?.payload == "in tx")

        let pid = try #require(listener.backendPID)
        try PostgresTestDatabase.terminateBackend(pid)
        #expect(listener.waitUntilListening(count: 2, timeout: .seconds(5)))
        #expect(listener.backendPID != pid)
        try sender.notify(channel, payload: "after reconnect")
        #expect(inbox.wait(for: 4).last?.payload == "after reconnect")
        let listenedTwice = listenings.load(ordering: .relaxed) == 2  // the catch-up hook ran after the reconnect
        #expect(listenedTwice)
        #expect(listener.stop())
    }

    @Test func stopsPromptlyEvenWhileDisconnected() {
        let listener = PostgresListener(url: "postgres://nobody@127.0.0.1:1/none?connect_timeout=1", channels: ["x"],
                                        logger: .silent, reconnectDelay: .milliseconds(50) ... .seconds(2))
        listener.start { _ in }
        Thread.sleep(forTimeInterval: 0.2)
        let start = ContinuousClock.now
        #expect(listener.stop())
        #expect(ContinuousClock.now - start < .seconds(3))
        #expect(listener.listeningCount == 0)
    }
}
