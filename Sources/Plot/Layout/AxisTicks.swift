/// The ticks one axis shows: labelled major ticks and unlabelled minor ones (log axes).
struct AxisTicks: Sendable, Equatable {
    var values: [Double] = []
    var labels: [String] = []
    var minor: [Double] = []
    /// Labels turned to read upwards, because hand-placed names were too wide to sit side by side.
    var rotated = false

    /// Ticks for `axis` over `lower...upper` with at most `maxIntervals` intervals (linear axes).
    static func make(for axis: Axis, lower: Double, upper: Double, maxIntervals: Int) -> AxisTicks {
        let inside = { (value: Double) in
            value >= lower - 1e-9 * (upper - lower) && value <= upper + 1e-9 * (upper - lower)
        }
        if let custom = axis.ticks {
            let kept = custom.filter { $0.value.isFinite && inside($0.value) }
            return AxisTicks(values: kept.map(\.value), labels: kept.map(\.label))
        }
        switch axis.scale {
        case .linear:
            let set = Ticks.linear(lower: lower, upper: upper, maxIntervals: max(1, maxIntervals))
            return AxisTicks(values: set.values, labels: set.labels)
        case .log:
            let set = Ticks.logarithmic(lower: lower, upper: upper)
            let minor = set.values.count >= 2 ? Ticks.logMinor(lower: lower, upper: upper) : []
            var ticks = AxisTicks(values: set.values, labels: set.labels, minor: minor)
            // Too many labelled ticks for the space: keep every k-th one, the rest become minor.
            let allowed = max(2, maxIntervals + 1)
            if ticks.values.count > allowed {
                let stride = (ticks.values.count + allowed - 1) / allowed
                var kept = AxisTicks(minor: minor)
                for (i, value) in ticks.values.enumerated() {
                    if i % stride == 0 {
                        kept.values.append(value)
                        kept.labels.append(ticks.labels[i])
                    } else {
                        kept.minor.append(value)
                    }
                }
                ticks = kept
            }
            return ticks
        }
    }
}
