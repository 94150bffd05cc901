/// A hashed timing wheel for connection deadlines: filing and firing are O(1), so 10,000
/// connections cost nothing between ticks. Deadlines further out than the wheel's span are
/// filed at its far end and re-filed when they come up; entries for deadlines that moved are
/// dropped by the owner when they fire (it compares the tick it last filed).
struct TimerWheel {
    struct Entry {
        let fd: Int32
        let generation: UInt64
        let tick: Int64
    }

    let tickNanos: Int64
    private var slots: [[Entry]]
    private(set) var currentTick: Int64
    private(set) var count = 0

    init(tickNanos: Int64, slotCount: Int = 1024, now: Int64) {
        self.tickNanos = tickNanos
        slots = Array(repeating: [], count: slotCount)
        currentTick = now / tickNanos
    }

    /// Files a deadline; returns the tick it was filed under (at most one wheel span ahead).
    mutating func schedule(fd: Int32, generation: UInt64, deadline: Int64) -> Int64 {
        let due = (deadline + tickNanos - 1) / tickNanos
        let tick = min(max(due, currentTick + 1), currentTick + Int64(slots.count) - 1)
        slots[Int(tick % Int64(slots.count))].append(Entry(fd: fd, generation: generation, tick: tick))
        count += 1
        return tick
    }

    /// Moves time to `now`, handing every entry whose tick has come to `fire`.
    mutating func advance(to now: Int64, _ fire: (Entry) -> Void) {
        let target = now / tickNanos
        guard count > 0 else {
            currentTick = max(currentTick, target)
            return
        }
        var steps = 0
        while currentTick < target && steps < slots.count {
            currentTick += 1
            steps += 1
            let index = Int(currentTick % Int64(slots.count))
            guard !slots[index].isEmpty else { continue }
            let due = slots[index]
            // A burst of connections leaves big slots behind; let them go instead of keeping
            // every slot at its peak size.
            if slots[index].capacity > 64 { slots[index] = [] } else { slots[index].removeAll(keepingCapacity: true) }
            count -= due.count
            for entry in due { fire(entry) }
        }
        currentTick = max(currentTick, target)
    }
}
