import Testing
@testable import Models

@Suite struct BundledDatasetTests {
    /// Rows x columns as stated in Resources/datasets/README.md.
    @Test(arguments: [
        (BundledDataset.anscombe, 44, 3), (.breastCancer, 569, 31), (.cars, 406, 9), (.diabetes, 442, 11),
        (.digits, 1797, 65), (.ex1data1, 97, 2), (.ex2data1, 100, 3), (.houses, 99, 5), (.iris, 150, 5),
        (.penguins, 344, 8), (.wine, 178, 14),
    ])
    func shapesMatchTheReadme(dataset: BundledDataset, rows: Int, columns: Int) throws {
        let table = try dataset.load()
        #expect(table.rowCount == rows)
        #expect(table.columnCount == columns)
        #expect(table.file == dataset.fileName)
        #expect(dataset.provenance.hasPrefix("## \(dataset.fileName)"))
        #expect(dataset.provenance.contains("Source"))
        #expect(table.columnNames.contains(dataset.targetColumn))
        #expect(dataset.provenance.contains("`\(dataset.targetColumn)`"))
    }

    @Test func housesColumnsAndFirstRow() throws {
        let houses = try BundledDataset.houses.load(missingValues: .error)
        #expect(houses.columnNames == ["size_sqft", "bedrooms", "floors", "age_years", "price_1000usd"])
        let x = try houses.matrix(columns: ["size_sqft", "bedrooms", "floors", "age_years"])
        #expect(x.rows == 99 && x.columns == 4)
        #expect(try houses.numeric("price_1000usd").count == 99)
    }

    @Test func irisHasFiftyOfEachClass() throws {
        let iris = try BundledDataset.iris.load(missingValues: .error)
        let labels = try iris.labels("species")
        #expect(labels.classes == ["0", "1", "2"])
        #expect((0..<3).map { c in labels.codes.filter { $0 == c }.count } == [50, 50, 50])
    }

    @Test func carsMissingValuesAreHandledExplicitly() throws {
        #expect(throws: CSVError.self) { try BundledDataset.cars.load(missingValues: .error) }
        let cars = try BundledDataset.cars.load()
        #expect(try cars.missingCount("Miles_per_Gallon") == 8)
        #expect(try cars.missingCount("Horsepower") == 6)
        #expect(throws: CSVError.self) { try cars.numeric("Horsepower") }
        let complete = try cars.droppingRowsWithMissingValues(in: ["Miles_per_Gallon", "Horsepower"])
        #expect(complete.rowCount == 392)
        #expect(try BundledDataset.cars.load(missingValues: .dropRows).rowCount == 392)
        #expect(try cars.text("Name").first == "chevrolet chevelle malibu")
        #expect(try cars.labels("Origin").classes == ["Europe", "Japan", "USA"])
    }

    @Test func penguinsEmptyFields() throws {
        let penguins = try BundledDataset.penguins.load()
        #expect(try penguins.missingCount("sex") == 11)
        #expect(try penguins.missingCount("bill_length_mm") == 2)
        #expect(try penguins.droppingRowsWithMissingValues(in: ["bill_length_mm", "flipper_length_mm", "body_mass_g"]).rowCount == 342)
        #expect(try BundledDataset.penguins.load(missingValues: .dropRows).rowCount == 333)
        let species = try penguins.labels("species")
        #expect(species.classes == ["Adelie", "Chinstrap", "Gentoo"])
        #expect((0..<3).map { c in species.codes.filter { $0 == c }.count } == [152, 68, 124])
    }

    @Test func digitsPixelsAndLabels() throws {
        let digits = try BundledDataset.digits.load(missingValues: .error)
        let pixels = try digits.matrix(columns: Array(digits.columnNames.dropLast()))
        #expect(pixels.rows == 1797 && pixels.columns == 64)
        #expect(pixels.columnMaximums().max() == 16)
        #expect(try digits.labels("digit").classes == (0...9).map(String.init))
    }
}
