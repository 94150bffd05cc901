import Testing
@testable import Kinerja
