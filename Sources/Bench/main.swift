#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Foundation

// Release-mode benchmarks: `swift run -c release bench [plot|models|knn-tree|svm-mlp]`.
// Each prints medians over several runs and the throughput that matters.
// `swift run bench gallery DIR` writes the Plot gallery instead.

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "gallery" {
    let directory = arguments.count > 1 ? arguments[1] : "gallery"
    do {
        try Gallery.write(to: URL(fileURLWithPath: directory))
    } catch {
        print("bench gallery: \(error)")
        exit(1)
    }
    exit(0)
}
let allGroups = ["plot", "models", "knn-tree", "svm-mlp"]
let groups = arguments.isEmpty ? allGroups : arguments
for group in groups {
    switch group {
    case "plot": runPlotBenchmarks()
    case "models": runModelBenchmarks()
    case "knn-tree": runNeighborsTreeBenchmarks()
    case "svm-mlp": runSVMNetworkBenchmarks()
    default:
        print("bench: unknown group '\(group)'; use \(allGroups.joined(separator: ", ")) or gallery DIR")
        exit(2)
    }
}
