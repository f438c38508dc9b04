import Foundation

/// Writes a report safely: into a staging folder beside the output folder, swapped in at the end.
///
/// - A failed run leaves the previous report whole: nothing in the output folder changes until
///   ``commit()``, which renames the old report away, renames the new one in, then deletes the old.
/// - Only the output folder and the staging and backup folders beside it (`.NAME.partial-*`,
///   `.NAME.previous-*`, created by this type) are ever written or removed.
/// - An existing folder is replaced only if it is empty or carries the marker file a previous report
///   left (``markerFileName``), so `--output ~/Documents` can never lose anyone's files.
struct OutputFolder {
    /// The file every report contains, identifying its folder as safe to replace.
    static let markerFileName = ".learn-ml-report"
    static let markerContents = """
        This folder was written by the `report` command of Learn ML by seeing it.
        The next run replaces this whole folder; keep your own files elsewhere.

        """

    /// The README every report carries. The repository commits the same file as `reports/README.md`,
    /// so a fresh checkout's `reports` folder (that README alone) is replaced without losing anything.
    static let readmeFileName = "README.md"
    static let readmeContents = """
        # reports/

        `swift run report --all` writes the generated report here: `index.html`, one page per chapter
        with its figures in a folder of the same name (PNG, and SVG/PDF with `--format`), a figures
        page and the stylesheet. Everything in this folder is rewritten by each run; only this README
        is committed to the repository.

        """

    /// The folder the report ends up in.
    let destination: URL
    /// The staging folder being written; every page and figure goes here.
    let staging: URL

    /// Checks that `destination` may be replaced and creates the staging folder beside it.
    ///
    /// Missing parent folders are created. Throws ``ReportError/outputNotAReport(path:)`` for a
    /// non-empty folder without the marker, ``ReportError/outputIsAFile(path:)``, or
    /// ``ReportError/outputUnwritable(path:reason:)``.
    static func prepare(_ destination: URL) throws -> OutputFolder {
        let destination = destination.standardizedFileURL
        guard destination.path != "/" else {
            throw ReportError.outputNotAReport(path: destination.path)
        }
        try checkReplaceable(destination)
        let parent = destination.deletingLastPathComponent()
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw ReportError.outputUnwritable(path: parent.path, reason: "cannot create the folder (\(error.localizedDescription))")
        }
        guard fileManager.isWritableFile(atPath: parent.path) else {
            throw ReportError.outputUnwritable(path: parent.path, reason: "the folder is not writable")
        }
        let staging = parent.appendingPathComponent(".\(destination.lastPathComponent).partial-\(UUID().uuidString)")
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw ReportError.outputUnwritable(path: parent.path, reason: "cannot create a staging folder (\(error.localizedDescription))")
        }
        return OutputFolder(destination: destination, staging: staging)
    }

    /// Throws unless `destination` is absent, an empty folder, or a previous report.
    static func checkReplaceable(_ destination: URL) throws {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        // A symbolic link is replaced as a link would be moved, never followed: refuse it.
        if let attributes = try? fileManager.attributesOfItem(atPath: destination.path),
           attributes[.type] as? FileAttributeType == .typeSymbolicLink {
            throw ReportError.outputNotAReport(path: destination.path)
        }
        guard fileManager.fileExists(atPath: destination.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw ReportError.outputIsAFile(path: destination.path) }
        let contents: [String]
        do {
            contents = try fileManager.contentsOfDirectory(atPath: destination.path)
        } catch {
            throw ReportError.outputUnwritable(path: destination.path, reason: "cannot list the folder (\(error.localizedDescription))")
        }
        if contents.isEmpty || contents.contains(markerFileName) { return }
        // A fresh checkout's `reports` holds only the committed README, which every report rewrites as is.
        if contents == [readmeFileName],
           let readme = try? String(contentsOf: destination.appendingPathComponent(readmeFileName), encoding: .utf8),
           readme == readmeContents {
            return
        }
        throw ReportError.outputNotAReport(path: destination.path)
    }

    /// Writes `data` to `relativePath` inside the staging folder, creating subfolders.
    func write(_ data: Data, to relativePath: String) throws {
        let url = staging.appendingPathComponent(relativePath)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        } catch {
            throw ReportError.writeFailed(path: url.path, reason: error.localizedDescription)
        }
    }

    /// Writes UTF-8 `text` to `relativePath` inside the staging folder.
    func write(_ text: String, to relativePath: String) throws {
        try write(Data(text.utf8), to: relativePath)
    }

    /// Swaps the staging folder in for the destination. On failure the previous report is put back.
    func commit() throws {
        let fileManager = FileManager.default
        try OutputFolder.checkReplaceable(destination)
        try write(OutputFolder.markerContents, to: OutputFolder.markerFileName)
        guard fileManager.fileExists(atPath: destination.path) else {
            do {
                try fileManager.moveItem(at: staging, to: destination)
            } catch {
                throw ReportError.writeFailed(path: destination.path, reason: "cannot move the new report in (\(error.localizedDescription))")
            }
            return
        }
        let backup = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).previous-\(UUID().uuidString)")
        do {
            try fileManager.moveItem(at: destination, to: backup)
        } catch {
            throw ReportError.writeFailed(path: destination.path, reason: "cannot move the previous report aside (\(error.localizedDescription))")
        }
        do {
            try fileManager.moveItem(at: staging, to: destination)
        } catch {
            // Put the previous report back, so the failure changes nothing.
            try? fileManager.moveItem(at: backup, to: destination)
            throw ReportError.writeFailed(path: destination.path, reason: "cannot move the new report in (\(error.localizedDescription))")
        }
        // The new report is in place; a backup that cannot be removed is only clutter.
        try? fileManager.removeItem(at: backup)
    }

    /// Removes the staging folder after a failed run; the destination is not touched.
    func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}
