#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Seconds on a monotonic clock.
func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// Runs `body` `warmup` times untimed, then `runs` times, and returns the median time in seconds.
func medianSeconds(runs: Int = 9, warmup: Int = 1, _ body: () throws -> Void) rethrows -> Double {
    for _ in 0..<warmup { try body() }
    var times: [Double] = []
    for _ in 0..<runs {
        let start = now()
        try body()
        times.append(now() - start)
    }
    times.sort()
    return times[times.count / 2]
}

/// Prints one result line: name, median in ms, and an optional extra column.
func report(_ name: String, seconds: Double, extra: String = "") {
    let ms = seconds * 1000
    let padded = name.padding(toLength: 58, withPad: " ", startingAt: 0)
    print("\(padded) \(formatted(ms)) ms  \(extra)")
}

/// `value` with three decimals, right-aligned in nine characters.
func formatted(_ value: Double) -> String {
    let text = String(Double((value * 1000).rounded()) / 1000)
    return String(repeating: " ", count: max(0, 9 - text.count)) + text
}
