/// Why the demo organisation could not be seeded.
public struct DemoSeedError: Error, CustomStringConvertible {
    /// What went wrong, for the operator.
    public let description: String
}
