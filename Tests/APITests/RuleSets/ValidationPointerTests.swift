import Kinerja
import Testing
@testable import API

@Suite struct ValidationPointerTests {
    @Test(arguments: [
        ("$", ""), ("$.tenant", "/tenant"), ("$.evaluation.weights.skp", "/evaluation/weights/skp"),
        ("$.coverage.employeeTypes[2].from", "/coverage/employeeTypes/2/from"), ("$.a~b", "/a~0b"),
    ])
    func jsonPathsBecomePointers(path: String, pointer: String) {
        #expect(ValidationFailure.pointer(fromPath: path) == pointer)
    }

    @Test func issueCodesBecomeSnakeCase() {
        let failure = ValidationFailure(issues: [ValidationIssue(path: "$.x", code: .outOfRange, message: "m"),
                                                 ValidationIssue(path: "$.y", code: .unknownKey, message: "m")])
        #expect(failure.fieldErrors(under: "/document").map(\.code) == ["out_of_range", "unknown_key"])
        #expect(failure.fieldErrors(under: "/document").map(\.pointer) == ["/document/x", "/document/y"])
    }
}
