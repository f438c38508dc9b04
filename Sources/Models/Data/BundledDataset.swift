import Foundation

/// The real datasets shipped inside the package (Sources/Models/Resources/datasets), each with its
/// provenance. All are small CSV files with a header row; see `provenance` for source and terms.
public enum BundledDataset: String, CaseIterable, Sendable {
    /// Anscombe's quartet: four series with the same least-squares line (44 x 3).
    case anscombe
    /// Breast Cancer Wisconsin (Diagnostic): 30 image features, benign or malignant (569 x 31).
    case breastCancer
    /// Cars ("Auto MPG"): fuel economy, horsepower, weight...; some empty fields (406 x 9).
    case cars
    /// Diabetes progression from ten baseline measurements, raw units (442 x 11).
    case diabetes
    /// 8x8 images of handwritten digits, pixels 0-16 (1797 x 65).
    case digits
    /// Food-truck profit against city population, from Andrew Ng's course (97 x 2).
    case ex1data1
    /// University admission against two exam scores, from Andrew Ng's course (100 x 3).
    case ex2data1
    /// House prices against size, bedrooms, floors and age, from Andrew Ng's course (99 x 5).
    case houses
    /// Fisher's iris flowers, three species (150 x 5).
    case iris
    /// Palmer penguins, three species; some empty fields (344 x 8).
    case penguins
    /// Wine chemical analysis, three cultivars (178 x 14).
    case wine

    /// The CSV file name inside the datasets folder, e.g. `breast_cancer.csv`.
    public var fileName: String {
        switch self {
        case .breastCancer: return "breast_cancer.csv"
        default: return rawValue + ".csv"
        }
    }

    /// The column the dataset is meant to predict (see `provenance`).
    public var targetColumn: String {
        switch self {
        case .anscombe: return "y"
        case .breastCancer: return "benign"
        case .cars: return "Miles_per_Gallon"
        case .diabetes: return "progression"
        case .digits: return "digit"
        case .ex1data1: return "profit_10k_usd"
        case .ex2data1: return "admitted"
        case .houses: return "price_1000usd"
        case .iris, .penguins: return "species"
        case .wine: return "cultivar"
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
