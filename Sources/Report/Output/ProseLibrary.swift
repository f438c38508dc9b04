import Foundation

/// The chapters' Markdown, bundled as resources (`Resources/chapters/<id>.md`).
enum ProseLibrary {
    /// The URL of `relativePath` inside the bundle's `Resources` folder, if it exists.
    ///
    /// Foundation's `resourceURL` is the bundle itself on Apple platforms and its `Resources`
    /// subfolder on Linux, so both places are tried.
    static func resource(_ relativePath: String) -> URL? {
        let bundle = Bundle.module
        let candidates = [
            bundle.bundleURL.appendingPathComponent("Resources/" + relativePath),
            bundle.resourceURL?.appendingPathComponent("Resources/" + relativePath),
            bundle.resourceURL?.appendingPathComponent(relativePath),
        ].compactMap { $0 }
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// The folder holding the chapter files inside the bundle.
    static var chaptersFolder: URL? { resource("chapters") }

    /// The bundled stylesheet.
    static func stylesheet() throws -> String {
        guard let url = resource("style.css"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw ProseLibraryError(message: "the report's stylesheet (Resources/style.css) is missing from its bundle")
        }
        return text
    }

    /// The Markdown for the chapter `id` and its name for error messages (`chapters/<id>.md`).
    static func markdown(for id: String) throws -> (text: String, file: String) {
        let file = "chapters/\(id).md"
        guard let url = chaptersFolder?.appendingPathComponent("\(id).md"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw ProseLibraryError(message: "the chapter '\(id)' has no prose: add Sources/Report/Resources/\(file)")
        }
        return (text, file)
    }
}

/// A bundled resource is missing or unreadable.
struct ProseLibraryError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
