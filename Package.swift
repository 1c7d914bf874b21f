// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "PromiseCheck",
    products: [
        .executable(name: "promisecheck", targets: ["promisecheck"]),
        .library(name: "PromiseCheck", targets: ["PromiseCheck"]),
        .library(name: "PromiseCheckReports", targets: ["PromiseCheckReports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(name: "PromiseCheckYAML", dependencies: ["CYAML"]),
        .target(name: "PromiseCheck", dependencies: ["PromiseCheckYAML"]),
        .target(name: "PromiseCheckReports", dependencies: ["PromiseCheck"]),
        .executableTarget(
            name: "promisecheck",
            dependencies: [
                "PromiseCheck",
                "PromiseCheckReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The Swift runtime and Foundation linked into the release binary: a run then starts
            // without loading a dozen libraries and resolving their symbols (about a fifth of the
            // time of checking one file). Debug builds and the tests link them dynamically.
            swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))],
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]
        ),
        .testTarget(name: "PromiseCheckYAMLTests", dependencies: ["PromiseCheckYAML"]),
        .testTarget(
            name: "PromiseCheckTests",
            dependencies: ["PromiseCheck", "PromiseCheckYAML"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "PromiseCheckReportsTests",
            dependencies: ["PromiseCheckReports", "PromiseCheck"],
            resources: [.copy("Resources")]
        ),
        .testTarget(
            name: "promisecheckTests",
            dependencies: ["promisecheck"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
