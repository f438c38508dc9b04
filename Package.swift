// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "LearnMLBySeeing",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "report", targets: ["Report"]),
        .executable(name: "bench", targets: ["Bench"]),
        .library(name: "Plot", targets: ["Plot"]),
        .library(name: "Models", targets: ["Models"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Cairo (PNG, SVG, PDF surfaces) and libpng, found through pkg-config.
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "cairo",
            providers: [
                .apt(["libcairo2-dev", "libpng-dev", "pkg-config"]),
                .brew(["cairo", "libpng", "pkg-config"]),
            ]
        ),
        .target(name: "Plot", dependencies: ["CCairo"]),
        .target(
            name: "Models",
            resources: [.copy("Resources/datasets")]
        ),
        .executableTarget(
            name: "Report",
            dependencies: [
                "Plot", "Models",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(name: "Bench", dependencies: ["Plot", "Models"]),
        .testTarget(name: "PlotTests", dependencies: ["Plot"]),
        .testTarget(name: "ModelsTests", dependencies: ["Models"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "Plot", "Models"]),
    ]
)
