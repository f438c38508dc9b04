import Foundation

/// Progress lines on standard error: one per chapter as it finishes, then a summary.
///
/// Chapters finish in any order when they run concurrently, so the lines may come in any order;
/// the files written do not depend on it. A quiet log prints nothing (errors are reported by the
/// command, not here).
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private let sink: @Sendable (String) -> Void
    private let quiet: Bool

    /// A log that passes each line (without newline) to `sink`.
    init(quiet: Bool, sink: @escaping @Sendable (String) -> Void) {
        self.quiet = quiet
        self.sink = sink
    }

    /// A log writing to standard error.
    static func standardError(quiet: Bool) -> ProgressLog {
        ProgressLog(quiet: quiet) { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }

    func chapterFinished(id: String, seconds: Double, figures: Int) {
        emit("  \(id.padding(to: 30))\(format(seconds)) s  \(figures) figure\(figures == 1 ? "" : "s")")
    }

    func finished(chapters: Int, figures: Int, files: Int, seconds: Double, index: String) {
        emit("report: \(chapters) chapter\(chapters == 1 ? "" : "s"), \(figures) figure\(figures == 1 ? "" : "s") "
             + "(\(files) files) in \(format(seconds)) s -> \(index)")
    }

    func message(_ line: String) { emit(line) }

    private func emit(_ line: String) {
        guard !quiet else { return }
        lock.lock()
        defer { lock.unlock() }
        sink(line)
    }

    private func format(_ seconds: Double) -> String {
        String(format: "%6.2f", seconds)
    }
}

private extension String {
    func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
