// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "OrderEngineBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "OrderEngine", path: ".."),
        .package(
            url: "https://github.com/ordo-one/package-benchmark.git",
            from: "1.38.1",
            traits: ["MallocInterposer"]
        ),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        .executableTarget(
            name: "EventLogBenchmarks",
            dependencies: [
                .product(name: "OrderEngine", package: "OrderEngine"),
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "EventLogBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
    ]
)
