import Foundation
/// Polls `condition` every 20 ms until it holds or `timeout` passes; returns whether it held.
/// Tests wait with this rather than sleeping for a fixed time.
public func eventually(timeout: Duration = .seconds(10), _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try condition() { return true }
        Thread.sleep(forTimeInterval: 0.02)
    }
    return try condition()
}
