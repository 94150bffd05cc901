import Glibc
import Testing
@testable import HTTP

/// The hand-over between reactor and handler thread, over a socket pair (no server).
@Suite struct ResponseSlotTests {
    /// A connected, non-blocking pair: `server` is what the slot writes to, `peer` the client.
    final class Pair {
        let server: Int32
        let peer: Int32
        private var peerOpen = true

        init(sendBuffer: Int32? = nil) throws {
            var fds: [Int32] = [0, 0]
            guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &fds) == 0 else {
                throw TestClient.Failure(description: "socketpair: \(errno)")
            }
            server = fds[0]
            peer = fds[1]
            _ = fcntl(server, F_SETFL, fcntl(server, F_GETFL) | O_NONBLOCK)
            _ = fcntl(peer, F_SETFL, fcntl(peer, F_GETFL) | O_NONBLOCK)
            if var size = sendBuffer {
                setsockopt(server, SOL_SOCKET, SO_SNDBUF, &size, socklen_t(MemoryLayout<Int32>.size))
            }
        }

        deinit {
            close(server)
            if peerOpen { close(peer) }
        }

        /// The client goes away.
        func closePeer() {
            close(peer)
            peerOpen = false
        }

        /// Everything readable on the peer now.
        func received() -> [UInt8] {
            var out: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                let count = chunk.withUnsafeMutableBytes { recv(peer, $0.baseAddress, $0.count, 0) }
                guard count > 0 else { return out }
                out += chunk[0..<count]
            }
        }

        func completion(_ bytes: [UInt8], keepAlive: Bool = true) -> Completion {
            Completion(fd: server, generation: 1, bytes: bytes, keepAlive: keepAlive)
        }
    }

    @Test func armedSlotSendsAKeepAliveResponseItselfAndTheReactorTakesTheConnectionBack() throws {
        let pair = try Pair()
        let slot = ResponseSlot()
        slot.arm()
        #expect(slot.deliver(pair.completion(Array("HTTP/1.1 200 OK\r\n\r\n".utf8))) == nil)
        #expect(pair.received() == Array("HTTP/1.1 200 OK\r\n\r\n".utf8))
        let writtenAt = try #require(slot.reclaim())
        #expect(writtenAt > 0)
        // Taken once: the slot is idle again and ready for the next request.
        #expect(slot.reclaim() == nil)
        slot.arm()
        #expect(slot.deliver(pair.completion([1, 2, 3])) == nil)
        #expect(pair.received() == [1, 2, 3])
    }

    @Test func unarmedSlotAndClosingResponsesGoThroughTheReactor() throws {
        let pair = try Pair()
        let slot = ResponseSlot()
        #expect(slot.deliver(pair.completion([1]))?.bytes == [1])
        slot.arm()
        // A closing response needs the reactor's half-close and linger, so it is never sent here.
        #expect(slot.deliver(pair.completion([2], keepAlive: false))?.bytes == [2])
        #expect(pair.received().isEmpty)
    }

    @Test func slotTakenBackBeforeTheHandlerWritesFallsBackToACompletion() throws {
        let pair = try Pair()
        let slot = ResponseSlot()
        slot.arm()
        // Bytes arrived (a pipelined request): the reactor takes the slot back and waits.
        #expect(slot.reclaim() == nil)
        #expect(slot.deliver(pair.completion([7, 8]))?.bytes == [7, 8])
        #expect(pair.received().isEmpty)
        slot.reset()
        #expect(slot.reclaim() == nil)
    }

    @Test func closedBeforeTheHandlerWritesLeavesTheDescriptorToTheReactor() throws {
        let pair = try Pair()
        let slot = ResponseSlot()
        slot.arm()
        #expect(slot.surrender())
        #expect(slot.deliver(pair.completion([1]))?.bytes == [1])
        #expect(pair.received().isEmpty)
    }

    @Test func fullSocketBufferHandsTheRestToTheReactor() throws {
        let pair = try Pair(sendBuffer: 4096)
        let slot = ResponseSlot()
        slot.arm()
        let body = (0..<(2 * 1024 * 1024)).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let rest = try #require(slot.deliver(pair.completion(body)))
        let sent = pair.received()
        #expect(!rest.bytes.isEmpty)
        #expect(sent + rest.bytes == body)
        #expect(rest.keepAlive)
        // The reactor owns the connection again; its completion resets the slot.
        #expect(slot.reclaim() == nil)
        #expect(slot.surrender())
    }

    @Test func peerGoneHandsTheResponseToTheReactorWhichSeesTheError() throws {
        let pair = try Pair()
        let slot = ResponseSlot()
        pair.closePeer()
        slot.arm()
        let rest = try #require(slot.deliver(pair.completion([1, 2, 3])))
        #expect(rest.bytes == [1, 2, 3])
    }
}
