// swift-tools-version: 6.0
import PackageDescription

// A separate package that adds its own check kind to PromiseCheck and runs the engine with it.
let package = Package(
    name: "WordLimitExample",
    dependencies: [
        .package(name: "PromiseCheck", path: "../..")
    ],
    targets: [
        .executableTarget(
            name: "WordLimitExample",
            dependencies: [.product(name: "PromiseCheck", package: "PromiseCheck")]
        )
    ],
    swiftLanguageModes: [.v6]
)
