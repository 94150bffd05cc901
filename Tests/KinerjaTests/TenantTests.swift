import Testing
@testable import Kinerja

@Suite struct TenantTests {
    @Test(arguments: [
        ("karawang", true), ("tanah-laut", true), ("kab2", true),
        ("k", false), ("Karawang", false), ("2karawang", false), ("tanah_laut", false),
        ("tanah laut", false), ("", false), (String(repeating: "a", count: 64), false),
    ])
    func slugShape(slug: String, valid: Bool) {
        #expect(Tenant.isValidSlug(slug) == valid)
    }
}
