// swift-tools-version:6.0
// Kinerja: ASN performance management for Indonesian regencies.
// No third-party Swift packages: C libraries come in through system library targets
// (docs: ../shared/docs/architecture.md, "Hard constraints").
import PackageDescription

let package = Package(
    name: "Kinerja",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kinerja-api", targets: ["kinerja-api"]),
        .executable(name: "kinerja-worker", targets: ["kinerja-worker"]),
        .executable(name: "kinerja", targets: ["kinerja"]),
        .executable(name: "HTTPFuzz", targets: ["HTTPFuzz"]),
    ],
    targets: [
        // C: system libraries, each behind a small shim header.
        .systemLibrary(name: "CLibPQ", path: "Sources/CLibPQ", pkgConfig: "libpq",
                       providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CCurl", path: "Sources/CCurl", pkgConfig: "libcurl",
                       providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CCrypto", path: "Sources/CCrypto", pkgConfig: "libcrypto",
                       providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CEpoll", path: "Sources/CEpoll"),

        // Infrastructure: generic, knows nothing of the domain.
        .target(name: "Runtime", dependencies: ["CCrypto"]),
        .target(name: "Postgres", dependencies: ["CLibPQ", "Runtime"]),
        .target(name: "HTTP", dependencies: ["CEpoll", "Runtime"]),
        .target(name: "JobQueue", dependencies: ["Postgres", "Runtime"]),
        .target(name: "Mail", dependencies: ["CCurl", "Runtime"]),
        .target(name: "PDF"),

        // Domain: pure values and rules.
        .target(name: "Kinerja", resources: [.copy("SeededRuleSets")]),

        // Data and features.
        .target(name: "Persistence", dependencies: ["Kinerja", "JobQueue", "Postgres", "Runtime"]),
        .target(name: "API", dependencies: ["Kinerja", "Persistence", "HTTP", "JobQueue", "Postgres", "Runtime"],
                resources: [.copy("openapi.json")]),
        .target(name: "Worker", dependencies: ["Kinerja", "Persistence", "HTTP", "JobQueue", "Mail", "PDF", "Postgres", "Runtime"]),

        // Executables: main.swift only.
        .executableTarget(name: "kinerja-api", dependencies: ["API", "HTTP", "Postgres", "Runtime"]),
        .executableTarget(name: "kinerja-worker", dependencies: ["Worker", "Postgres", "Runtime"]),
        .executableTarget(name: "kinerja", dependencies: ["Kinerja", "Persistence", "JobQueue", "Worker", "Mail", "Postgres", "Runtime"]),
        // libFuzzer entry for the HTTP request parser; see README "Fuzzing".
        .executableTarget(name: "HTTPFuzz", dependencies: ["HTTP"]),

        // Tests: one target per library, plus shared fixtures.
        .target(name: "TestSupport", dependencies: ["Postgres", "Runtime"], path: "Tests/TestSupport"),
        .testTarget(name: "RuntimeTests", dependencies: ["Runtime"]),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "TestSupport"]),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP"]),
        .testTarget(name: "KinerjaTests", dependencies: ["Kinerja"]),
        .testTarget(name: "JobQueueTests", dependencies: ["JobQueue", "TestSupport"]),
        .testTarget(name: "MailTests", dependencies: ["Mail", "TestSupport"]),
        .testTarget(name: "PDFTests", dependencies: ["PDF", "TestSupport"]),
        .testTarget(name: "PersistenceTests", dependencies: ["Persistence", "TestSupport"]),
        .testTarget(name: "APITests", dependencies: ["API", "HTTP", "TestSupport"]),
        .testTarget(name: "WorkerTests", dependencies: ["Worker", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
