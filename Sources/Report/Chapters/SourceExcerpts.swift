import Foundation

/// Code excerpts cut from the package's Swift sources, so a page shows the code that really ran.
///
/// In any `.swift` file under `Sources/`, mark an excerpt with comment lines:
///
///     // excerpt: gradient-step
///     let error = prediction - target
///     ...
///     // end excerpt
///
/// The marker lines are left out and the common indentation removed. Names are unique across the
/// package. The sources are found at run time from this file's own path (`#filePath`), so the
/// report must run from a checkout of the package; otherwise asking for an excerpt throws a clear
/// ``ExcerptError``.
struct SourceExcerpts: Sendable {
    private enum State: Sendable {
        case ready([String: CodeExcerpt])
        case failed(ExcerptError)
    }

    private let state: State

    /// Scans every `.swift` file under `sourcesFolder` (the package's `Sources`).
    ///
    /// Scanning never throws: a missing folder or a malformed marker is remembered and reported
    /// when a chapter asks for an excerpt, so chapters without code still build.
    init(scanning sourcesFolder: URL) {
        do {
            state = .ready(try SourceExcerpts.scan(sourcesFolder))
        } catch let error as ExcerptError {
            state = .failed(error)
        } catch {
            state = .failed(.unreadable(path: sourcesFolder.path, reason: "\(error)"))
        }
    }

    /// The excerpts of this package's own sources, located from this file's path.
    static func packageSources() -> SourceExcerpts {
        // This file is Sources/Report/Chapters/SourceExcerpts.swift. (#filePath must be used here,
        // not as a default argument, which would expand to the caller's path.)
        let sources = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return SourceExcerpts(scanning: sources)
    }

    /// The excerpt called `name`.
    func excerpt(named name: String) throws -> CodeExcerpt {
        switch state {
        case .failed(let error):
            throw error
        case .ready(let excerpts):
            guard let excerpt = excerpts[name] else {
                throw ExcerptError.notFound(name: name, known: excerpts.keys.sorted())
            }
            return excerpt
        }
    }

    /// All excerpt names found, sorted (empty when scanning failed).
    var names: [String] {
        if case .ready(let excerpts) = state { return excerpts.keys.sorted() }
        return []
    }

    // MARK: Scanning

    private static func scan(_ sourcesFolder: URL) throws -> [String: CodeExcerpt] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: sourcesFolder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ExcerptError.sourcesMissing(path: sourcesFolder.path)
        }
        guard let enumerator = FileManager.default.enumerator(at: sourcesFolder, includingPropertiesForKeys: nil) else {
            throw ExcerptError.sourcesMissing(path: sourcesFolder.path)
        }
        var files: [URL] = []
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            files.append(url)
        }
        // Sorted, so "duplicate excerpt" errors name the files in a stable order.
        files.sort { $0.path < $1.path }
        let packageRoot = sourcesFolder.standardizedFileURL.deletingLastPathComponent().path
        var excerpts: [String: CodeExcerpt] = [:]
        for file in files {
            let text: String
            do {
                text = try String(contentsOf: file, encoding: .utf8)
            } catch {
                throw ExcerptError.unreadable(path: file.path, reason: error.localizedDescription)
            }
            var relative = file.standardizedFileURL.path
            if relative.hasPrefix(packageRoot + "/") { relative.removeFirst(packageRoot.count + 1) }
            for excerpt in try extract(from: text, path: relative) {
                if let existing = excerpts[excerpt.name] {
                    throw ExcerptError.malformed(path: relative, line: (excerpt.lines?.lowerBound ?? 1) - 1,
                                                 message: "the excerpt '\(excerpt.name)' is also defined in \(existing.sourcePath ?? "?")")
                }
                excerpts[excerpt.name] = excerpt
            }
        }
        return excerpts
    }

    /// The excerpts marked in one file's text; `path` names the file in excerpts and errors.
    static func extract(from text: String, path: String) throws -> [CodeExcerpt] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        var excerpts: [CodeExcerpt] = []
        var open: (name: String, line: Int)?
        var body: [String] = []
        for (offset, line) in lines.enumerated() {
            let number = offset + 1
            let trimmed = line.trimmingSpaces
            if trimmed.hasPrefix("// excerpt:") {
                if let open {
                    throw ExcerptError.malformed(path: path, line: number,
                                                 message: "excerpt markers cannot nest; '\(open.name)' (line \(open.line)) is still open")
                }
                let name = trimmed.dropFirst("// excerpt:".count).trimmingSpaces
                guard ItemName.isValid(name) else {
                    throw ExcerptError.malformed(path: path, line: number,
                                                 message: "'\(name)' is not a valid excerpt name (lowercase letters, digits and single hyphens)")
                }
                open = (name, number)
                body = []
            } else if trimmed == "// end excerpt" {
                guard let current = open else {
                    throw ExcerptError.malformed(path: path, line: number, message: "'// end excerpt' without an opening '// excerpt: NAME'")
                }
                let code = dedent(body)
                guard !code.isEmpty else {
                    throw ExcerptError.malformed(path: path, line: current.line, message: "the excerpt '\(current.name)' is empty")
                }
                excerpts.append(CodeExcerpt(name: current.name, code: code, sourcePath: path,
                                            lines: (current.line + 1)...(number - 1)))
                open = nil
            } else if open != nil {
                body.append(line)
            }
        }
        if let open {
            throw ExcerptError.malformed(path: path, line: open.line, message: "the excerpt '\(open.name)' has no '// end excerpt'")
        }
        return excerpts
    }

    /// Lines with their common leading whitespace removed and blank lines trimmed from both ends.
    static func dedent(_ lines: [String]) -> String {
        var lines = lines.map { $0.expandingTabs() }
        while let first = lines.first, first.trimmingSpaces.isEmpty { lines.removeFirst() }
        while let last = lines.last, last.trimmingSpaces.isEmpty { lines.removeLast() }
        let indent = lines.filter { !$0.trimmingSpaces.isEmpty }
            .map { $0.prefix(while: { $0 == " " }).count }.min() ?? 0
        return lines.map { line in
            line.trimmingSpaces.isEmpty ? "" : String(line.dropFirst(indent))
        }.joined(separator: "\n")
    }
}

/// Why a code excerpt could not be provided.
enum ExcerptError: Error, Equatable, CustomStringConvertible {
    /// The package's `Sources` folder is not where the report was built from.
    case sourcesMissing(path: String)
    case unreadable(path: String, reason: String)
    /// A marker comment is wrong; the file and line say where.
    case malformed(path: String, line: Int, message: String)
    case notFound(name: String, known: [String])

    var description: String {
        switch self {
        case .sourcesMissing(let path):
            "the package's sources are not at \(path); code excerpts are cut from them, so run the report from a checkout of the package"
        case .unreadable(let path, let reason):
            "cannot read \(path): \(reason)"
        case .malformed(let path, let line, let message):
            "\(path):\(line): \(message)"
        case .notFound(let name, let known):
            "no code excerpt named '\(name)' in Sources (mark one with '// excerpt: \(name)' ... '// end excerpt'); known: "
                + (known.isEmpty ? "none" : known.joined(separator: ", "))
        }
    }
}
