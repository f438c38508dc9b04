/// Why a report run stopped, with the message shown to the user and the exit code scripts see.
enum ReportError: Error, Equatable, CustomStringConvertible {
    /// Names on the command line that are not registered chapters.
    case unknownChapters([UnknownChapter], valid: [String])
    /// Neither chapter names nor `--all` nor `--list` were given.
    case noChapterSelected
    /// The output folder exists, is not empty, and was not written by `report`.
    case outputNotAReport(path: String)
    /// The output path is a file.
    case outputIsAFile(path: String)
    /// The output folder (or its parent) cannot be created or written.
    case outputUnwritable(path: String, reason: String)
    /// A file could not be written or the new report could not be moved in.
    case writeFailed(path: String, reason: String)
    /// One or more chapters failed to build; nothing was replaced.
    case chaptersFailed([ChapterFailure])

    /// An unknown chapter name with what the user probably meant.
    struct UnknownChapter: Equatable, Sendable {
        let name: String
        /// A registered id close to `name`, if any.
        let suggestion: String?
        /// Whether `name` is a chapter of the course that is not written yet.
        let planned: Bool
    }

    /// A chapter that failed, and why.
    struct ChapterFailure: Equatable, Sendable {
        let id: String
        let message: String
    }

    /// The process exit code (documented in `report --help`).
    var exitCode: Int32 {
        switch self {
        case .unknownChapters, .noChapterSelected: ReportExitCode.usage
        case .chaptersFailed: ReportExitCode.chapterFailed
        case .outputNotAReport, .outputIsAFile, .outputUnwritable: ReportExitCode.outputRefused
        case .writeFailed: ReportExitCode.ioError
        }
    }

    var description: String {
        switch self {
        case .unknownChapters(let unknown, let valid):
            let lines = unknown.map { chapter in
                if chapter.planned { return "chapter '\(chapter.name)' is part of the course but not written yet" }
                var line = "unknown chapter '\(chapter.name)'"
                if let suggestion = chapter.suggestion { line += "; did you mean '\(suggestion)'?" }
                return line
            }
            let validLine = valid.isEmpty
                ? "no chapters are written yet in this build"
                : "valid chapters: " + valid.joined(separator: ", ")
            return (lines + [validLine]).joined(separator: "\n")
        case .noChapterSelected:
            return "no chapter selected: name one or more chapters, or pass --all (see 'report --list')"
        case .outputNotAReport(let path):
            return "refusing to replace \(path): it is not empty and was not written by 'report' "
                + "(a report folder holds a \(OutputFolder.markerFileName) file). Choose another --output folder."
        case .outputIsAFile(let path):
            return "cannot write the report to \(path): it is a file, not a folder"
        case .outputUnwritable(let path, let reason):
            return "cannot write the report in \(path): \(reason)"
        case .writeFailed(let path, let reason):
            return "cannot write \(path): \(reason); the previous report is unchanged"
        case .chaptersFailed(let failures):
            let lines = failures.map { "chapter \($0.id) failed: \($0.message)" }
            return (lines + ["the previous report (if any) is unchanged"]).joined(separator: "\n")
        }
    }
}

/// Exit codes `report` uses, so scripts can tell failures apart (BSD sysexits values).
enum ReportExitCode {
    /// The report was written (or the list printed).
    static let success: Int32 = 0
    /// A bad command line: unknown chapter, bad option value, nothing selected.
    static let usage: Int32 = 64
    /// A chapter failed to build (model, prose, figure or excerpt error).
    static let chapterFailed: Int32 = 65
    /// The output folder cannot be written, or is a folder `report` will not replace.
    static let outputRefused: Int32 = 73
    /// Writing a file or swapping the new report in failed.
    static let ioError: Int32 = 74
}
