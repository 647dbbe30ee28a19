// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "OrderEngine",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "OrderEngine", targets: ["OrderEngine"]),
        .library(name: "OrderEngineHTTP", targets: ["OrderEngineHTTP"]),
        .executable(name: "order-engine", targets: ["order-engine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLMDB",
            pkgConfig: "lmdb",
            providers: [.apt(["liblmdb-dev"]), .brew(["lmdb"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        // The command-line tool's allocator (see Docs/benchmarks.md): linked by `order-engine` only;
        // services embedding the library keep their own.
        .systemLibrary(
            name: "CJemalloc",
            pkgConfig: "jemalloc",
            providers: [.apt(["libjemalloc-dev"]), .brew(["jemalloc"])]
        ),
        .target(name: "CEventLogSupport"),
        .target(
            name: "EventLog",
            dependencies: [
                "CLMDB",
                "CEventLogSupport",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "OrderDomain"),
        .target(
            name: "OrderEngine",
            dependencies: [
                "EventLog",
                "OrderDomain",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "OrderEngineHTTP",
            dependencies: [
                "OrderEngine",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "order-engine",
            dependencies: [
                "OrderEngine",
                "OrderEngineHTTP",
                "CSQLite",
                "CJemalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "order-engine-fuzz", dependencies: ["OrderEngine"]),
        .testTarget(name: "EventLogTests", dependencies: ["EventLog", "CLMDB"]),
        .testTarget(name: "OrderEngineTests", dependencies: ["OrderEngine", "OrderDomain", "EventLog"]),
        .testTarget(
            name: "OrderEngineHTTPTests",
            dependencies: [
                "OrderEngineHTTP",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "OrderDomainTests",
            dependencies: [
                "OrderDomain",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
    ]
)
