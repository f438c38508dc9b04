import Foundation

/// The real datasets shipped inside the package (Sources/Models/Resources/datasets), each with its
/// provenance. All are small CSV files with a header row; see `provenance` for source and terms.
public enum BundledDataset: String, CaseIterable, Sendable {
    case anscombe
    case breastCancer
    case cars
    case diabetes
    case digits
    case ex1data1
    case ex2data1
    case houses
    case iris
    case penguins
    case wine

    /// The CSV file name inside the datasets folder, e.g. `breast_cancer.csv`.
    public var fileName: String {
        switch self {
        case .breastCancer: return "breast_cancer.csv"
        default: return rawValue + ".csv"
        }
    }

    /// The URL of the CSV file in the package's resource bundle.
    public var url: URL {
        Bundle.module.resourceURL!
            .appendingPathComponent("datasets", isDirectory: true)
            .appendingPathComponent(fileName)
    }

    /// Loads the dataset.
    ///
    /// The default keeps missing cells (only `cars` and `penguins` have any, as empty fields), so
    /// every row is there and the accessors refuse the missing cells: call
    /// `droppingRowsWithMissingValues(in:)` with the columns you use, or pass `.dropRows`.
    public func load(missingValues: CSVReader.MissingValuePolicy = .keep) throws -> DataTable {
        try CSVReader.read(contentsOf: url, options: CSVReader.Options(missingValues: missingValues))
    }

    /// This dataset's section of the datasets README: size, columns, source, license, suitable uses.
    public var provenance: String {
        guard let readme = try? String(contentsOf: Self.readmeURL, encoding: .utf8) else {
            return "provenance unavailable: README.md is missing from the resource bundle"
        }
        return Self.section(for: fileName, in: readme) ?? "no provenance section for \(fileName) in README.md"
    }

    /// The README with the provenance and terms of every dataset.
    public static var readmeURL: URL {
        Bundle.module.resourceURL!
            .appendingPathComponent("datasets", isDirectory: true)
            .appendingPathComponent("README.md")
    }

    /// The text from the heading `## <fileName>` up to the next `## ` heading or rule.
    static func section(for fileName: String, in readme: String) -> String? {
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "## \(fileName)" }) else {
            return nil
        }
        var end = lines.index(after: start)
        while end < lines.endIndex, !lines[end].hasPrefix("## "), lines[end] != "---" { end += 1 }
        return lines[start..<end].joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
