// swift-tools-version:6.1
import PackageDescription

/// Swift settings every first-party target shares: explicit imports and `any`, as Hummingbird does.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "HelpCenter",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "helpcenter", targets: ["helpcenter"]),
        .library(name: "HelpModel", targets: ["HelpModel"]),
        .library(name: "HelpParser", targets: ["HelpParser"]),
        .library(name: "SiteGenerator", targets: ["SiteGenerator"]),
        .library(name: "SiteValidator", targets: ["SiteValidator"]),
        .library(name: "AccountEngine", targets: ["AccountEngine"]),
        .library(name: "ProcedureChecker", targets: ["ProcedureChecker"]),
        .library(name: "PreviewServer", targets: ["PreviewServer"]),
        .library(name: "FeedbackCollector", targets: ["FeedbackCollector"]),
        .library(name: "HTMLEscaping", targets: ["HTMLEscaping"]),
        .library(name: "ContentImporter", targets: ["ContentImporter"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // The reference account engine: HTTP server, bcrypt, SQLite, SHA-256 of tokens.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // Already under Hummingbird; the engine uses it directly to stop gracefully when embedded.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        // The checker's browser: pooled, non-blocking HTTP/1.1 on NIO, with redirects left to us.
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        // The feedback collector's shared store when several instances run: Vapor's PostgreSQL
        // client on NIO (wire protocol, pooled connections, no libpq), the one teams already run.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // Already under postgres-nio; named for the TLS settings of `sslmode=prefer|require`.
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        // C libraries, wrapped once each; their pointers never leave the file that wraps them.
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // Snowball stemmers (Debian ships no pkg-config file for it): search matches word forms.
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),

        // HTML escaping for the servers that show what people send (engine, collector, preview):
        // a leaf, so none of them learns of the others or of the docs.
        .target(name: "HTMLEscaping", swiftSettings: strictSettings),
        // Whether a request's Host is one this server is really reached by (against DNS
        // rebinding): the preview and the feedback collector trust same-host pages only then.
        .target(name: "ServedHost", swiftSettings: strictSettings),

        // Stages: model ← parser, generator, validator ← CLI.
        .target(name: "HelpModel", swiftSettings: strictSettings),
        .target(
            name: "HelpParser",
            dependencies: ["HelpModel", "CCmark", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        // `helpcenter import`: a Jekyll or MkDocs help center converted into our content format.
        .target(
            name: "ContentImporter",
            dependencies: ["HelpModel", "HelpParser", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "SiteGenerator",
            dependencies: ["HelpModel", "CStemmer"],
            resources: [.copy("Assets")],
            // Exclusivity checked at compile time only, as in HTMLReader: the search tokenizer
            // and tally touch their tables once per word of the help center, and the run-time
            // checks cost as many instructions as the tokenizing itself.
            swiftSettings: strictSettings + [.unsafeFlags(["-enforce-exclusivity=unchecked"])]
        ),
        // The only code that touches libxml2: HTML in, Swift values out (validator, checker).
        // Exclusivity is checked at compile time only here: the SAX callbacks touch the node
        // builder millions of times per large site, and run-time checks cost a fifth of it.
        .target(
            name: "HTMLReader", dependencies: ["CLibXML2"],
            swiftSettings: strictSettings + [.unsafeFlags(["-enforce-exclusivity=unchecked"])]
        ),
        .target(
            name: "SiteValidator",
            dependencies: ["HelpModel", "HTMLReader"],
            swiftSettings: strictSettings
        ),
        // The reference extranet the articles are checked against; it knows nothing of the docs.
        .target(
            name: "AccountEngine",
            dependencies: [
                "HTMLEscaping",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        // Runs every documented procedure against an engine over HTTP, as a person would; it
        // knows the model and reads pages with HTMLReader, never the engine's code.
        .target(
            name: "ProcedureChecker",
            dependencies: [
                "HelpModel", "HTMLReader",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        // Receives the site's "was this page helpful" votes; it knows the built site only through
        // the article list the generator writes (.helpcenter-articles.json), not the docs targets.
        .target(
            name: "FeedbackCollector",
            dependencies: [
                "HTMLEscaping", "ServedHost",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings
        ),
        // `helpcenter serve`: the built site on loopback, reloading open pages after each build;
        // it knows neither the generator nor what the CLI mounts beside the site.
        .target(
            name: "PreviewServer",
            dependencies: [
                "HTMLEscaping", "ServedHost",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "helpcenter",
            dependencies: [
                "HelpModel", "HelpParser", "SiteGenerator", "SiteValidator", "AccountEngine", "ProcedureChecker",
                "PreviewServer",
                "FeedbackCollector", "ContentImporter",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings,
            // jemalloc in place of glibc's malloc: a build allocates millions of small arrays
            // and strings on every core, and glibc's allocator was an eighth of its instructions
            // (20,000 articles: a fifth less CPU time with jemalloc; docs/performance.md).
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),

        // Tests: one target per stage, plus helpers they share (temporary content folders).
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strictSettings),
        .testTarget(name: "HelpModelTests", dependencies: ["HelpModel"], swiftSettings: strictSettings),
        .testTarget(
            name: "HelpParserTests",
            dependencies: ["HelpParser", "HelpModel", "TestSupport"],
            exclude: ["Golden", "Corpus"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SiteGeneratorTests",
            dependencies: ["SiteGenerator", "HelpParser", "HelpModel", "TestSupport"],
            exclude: ["Snapshots"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ContentImporterTests",
            dependencies: ["ContentImporter", "HelpParser", "HelpModel", "TestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "HTMLReaderTests", dependencies: ["HTMLReader"], swiftSettings: strictSettings),
        .testTarget(name: "HTMLEscapingTests", dependencies: ["HTMLEscaping"], swiftSettings: strictSettings),
        .testTarget(name: "ServedHostTests", dependencies: ["ServedHost"], swiftSettings: strictSettings),
        .testTarget(
            name: "SiteValidatorTests",
            dependencies: ["SiteValidator", "SiteGenerator", "HelpParser", "HelpModel", "TestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "AccountEngineTests",
            dependencies: [
                "AccountEngine",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FeedbackCollectorTests",
            dependencies: [
                "FeedbackCollector",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                // Requests that name another Host than the address they are sent to (DNS rebinding).
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ProcedureCheckerTests",
            dependencies: ["ProcedureChecker", "AccountEngine", "HelpParser", "HelpModel", "TestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PreviewServerTests",
            dependencies: [
                "PreviewServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        // The CommonMark 0.30 spec as a suite: every example through the real parser and
        // renderer, compared with libcmark's own cmark_render_html (hence CCmark, in a test).
        .testTarget(
            name: "CommonMarkSpecTests",
            dependencies: ["SiteGenerator", "HelpParser", "HelpModel", "CCmark", "TestSupport"],
            resources: [.copy("CommonMarkSpec")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "HelpCenterCLITests",
            dependencies: ["helpcenter", "TestSupport"],
            swiftSettings: strictSettings
        ),
    ]
)
