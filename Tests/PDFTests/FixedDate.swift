import Foundation

/// A fixed creation date (2026-01-31 03:04:05 UTC) so output never depends on the clock.
let fixedDate = Date(timeIntervalSince1970: 1_769_828_645)
