import Foundation

/// The clock stores stamp audit entries with; tests inject a fixed one (style.md habit 7).
public typealias StoreClock = @Sendable () -> Date
