import Testing
@testable import JobQueue
