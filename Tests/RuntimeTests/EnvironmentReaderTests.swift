import Testing
@testable import Runtime

@Suite struct EnvironmentReaderTests {
    @Test func reportsEveryProblemTogether() throws {
        var reader = EnvironmentReader(["PORT": "abc", "LEVEL": "loud"])
        _ = reader.required("DATABASE_URL")
        _ = reader.int("PORT", default: 8080, in: 1...65535)
        _ = reader.oneOf("LEVEL", default: LogLevel.info)
        let error = try #require(throws: ConfigurationError.self) { try reader.validate() }
        #expect(error.problems.map(\.name) == ["DATABASE_URL", "PORT", "LEVEL"])
    }

    @Test(arguments: [("", 8080), ("9000", 9000)])
    func defaultsAndOverrides(text: String, expected: Int) throws {
        var reader = EnvironmentReader(["PORT": text])
        #expect(reader.int("PORT", default: 8080, in: 1...65535) == expected)
        try reader.validate()
    }
}
