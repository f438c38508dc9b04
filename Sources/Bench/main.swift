#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

// Release-mode benchmarks: `swift run -c release bench [plot|models]`.
// Each prints medians over several runs and the throughput that matters.

let arguments = CommandLine.arguments.dropFirst()
let groups = arguments.isEmpty ? ["plot", "models"] : Array(arguments)
for group in groups {
    switch group {
    case "plot": runPlotBenchmarks()
    case "models": runModelBenchmarks()
    case "svm-mlp": runSVMNetworkBenchmarks()
    default:
        print("bench: unknown group '\(group)'; use plot or models")
        exit(2)
    }
}
