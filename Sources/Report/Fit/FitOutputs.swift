import Foundation

/// Writes a fit's charts and predictions all together or not at all.
///
/// - Charts go to a staging folder beside `--charts DIR` that is swapped in at the end, with the
///   same rule as the report (``OutputFolder``): an existing folder is replaced only if it is empty
///   or was written by `report`, so a folder of the user's own files is never touched.
/// - Predictions are written to a temporary file beside their destination and renamed into place.
///   An existing file is replaced only with `--overwrite`, and put back if the charts then fail.
/// - On any failure the staging folder and temporary file are removed: no partial output.
struct FitOutputs {
    /// Where the charts go, their formats and PNG scale.
    var chartsFolder: String?
    var formats: [FigureFormat] = [.png]
    var scale: Double = 1
    /// Where the predictions file goes (nil: none, or standard output).
    var predictionsFile: String?
    var overwrite = false

    /// Refuses a predictions destination that exists (without `--overwrite`), is a folder, or is one
    /// of the input files. Called before fitting, so a long fit is not wasted.
    static func checkPredictionsDestination(_ path: String, overwrite: Bool, inputs: [String]) throws {
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        for input in inputs where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path == target {
            throw FitError.predictionsFileRefused(path: path, reason: "it is an input file")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        if isDirectory.boolValue { throw FitError.predictionsFileRefused(path: path, reason: "it is a folder") }
        if !overwrite {
            throw FitError.predictionsFileRefused(path: path, reason: "the file exists; pass --overwrite to replace it, or choose another --output-predictions name")
        }
    }

    /// Renders `charts` and writes `predictions`, then moves both into place. Returns the chart
    /// files written (`DIR/stem.ext`, in order).
    func write(charts: [ChapterFigure], predictions: String?) throws -> [String] {
        var folder: OutputFolder?
        if let chartsFolder, !charts.isEmpty {
            do {
                folder = try OutputFolder.prepare(URL(fileURLWithPath: chartsFolder))
            } catch let error as ReportError {
                throw Self.chartsError(error, folder: chartsFolder)
            }
        }
        var temporary: URL?
        do {
            var written: [String] = []
            if let folder, let chartsFolder {
                for chart in charts {
                    for format in formats {
                        let name = "\(chart.stem).\(format.fileExtension)"
                        let url = folder.staging.appendingPathComponent(name)
                        do {
                            try chart.render(url, format, format == .png ? scale : 1)
                        } catch {
                            throw FitError.writeFailed(path: (chartsFolder as NSString).appendingPathComponent(name), reason: "\(error)")
                        }
                        written.append((chartsFolder as NSString).appendingPathComponent(name))
                    }
                }
            }
            var backup: URL?
            if let predictions, let predictionsFile {
                let destination = URL(fileURLWithPath: predictionsFile)
                let temp = destination.deletingLastPathComponent()
                    .appendingPathComponent(".\(destination.lastPathComponent).partial-\(UUID().uuidString)")
                do {
                    try Data(predictions.utf8).write(to: temp)
                } catch {
                    throw FitError.writeFailed(path: predictionsFile, reason: error.localizedDescription)
                }
                temporary = temp
                try Self.checkPredictionsDestination(predictionsFile, overwrite: overwrite, inputs: [])
                if FileManager.default.fileExists(atPath: destination.path) {
                    let aside = destination.deletingLastPathComponent()
                        .appendingPathComponent(".\(destination.lastPathComponent).previous-\(UUID().uuidString)")
                    try move(destination, to: aside, reportingAs: predictionsFile)
                    backup = aside
                }
                do {
                    try move(temp, to: destination, reportingAs: predictionsFile)
                    temporary = nil
                } catch {
                    if let backup { try? FileManager.default.moveItem(at: backup, to: destination) }
                    throw error
                }
            }
            if let folder {
                do {
                    try folder.commit()
                } catch let error as ReportError {
                    // Undo the predictions, so a failure leaves everything as it was.
                    if let predictionsFile {
                        let destination = URL(fileURLWithPath: predictionsFile)
                        try? FileManager.default.removeItem(at: destination)
                        if let backup { try? FileManager.default.moveItem(at: backup, to: destination) }
                    }
                    throw Self.chartsError(error, folder: chartsFolder ?? "")
                }
            }
            if let backup { try? FileManager.default.removeItem(at: backup) }
            return written
        } catch {
            folder?.discard()
            if let temporary { try? FileManager.default.removeItem(at: temporary) }
            throw error
        }
    }

    private func move(_ from: URL, to: URL, reportingAs path: String) throws {
        do {
            try FileManager.default.moveItem(at: from, to: to)
        } catch {
            throw FitError.writeFailed(path: path, reason: error.localizedDescription)
        }
    }

    /// The report's output-folder errors in the words of `--charts`.
    static func chartsError(_ error: ReportError, folder: String) -> FitError {
        switch error {
        case .outputNotAReport:
            return .chartsFolderRefused(path: folder, reason: "it is not empty and was not written by 'report' (a folder 'report' wrote holds a \(OutputFolder.markerFileName) file)")
        case .outputIsAFile:
            return .chartsFolderRefused(path: folder, reason: "it is a file, not a folder")
        case .outputUnwritable(let path, let reason):
            return .chartsFolderRefused(path: path, reason: reason)
        case .writeFailed(let path, let reason):
            return .writeFailed(path: path, reason: reason)
        default:
            return .writeFailed(path: folder, reason: error.description)
        }
    }
}
