import ArgumentParser

/// The `report` executable's root command.
///
/// Its default behaviour is ``BuildCommand`` (the report), so `report --all` needs no subcommand
/// name. The report is a default subcommand rather than the root's own `run()` because the root
/// takes no positional arguments: that keeps `report NAME ...` free for future subcommands such as
/// ``FitCommand`` (`report fit ...`), which are listed in `subcommands`.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Train every model on real data and write an illustrated HTML report.",
        discussion: guide,
        subcommands: [BuildCommand.self, FitCommand.self],
        defaultSubcommand: BuildCommand.self
    )

    /// What a run does (shared by the root's and the build subcommand's help).
    static let overview = """
        Each chapter trains one kind of model, draws its figures and writes a page that \
        explains the algorithm: intuition, math, the code that ran, figures and numbers. \
        The report is written to a temporary folder and swapped in at the end, so a failed \
        run leaves the previous report whole. An existing output folder is replaced only if \
        an earlier run of 'report' wrote it (or it is empty).
        """

    /// Examples and exit codes, the part of the help scripts and newcomers need most.
    static let examplesAndExitCodes = """
        EXAMPLES:
          report --all                       Every chapter, into reports/index.html
          report --list                      The chapter ids in teaching order
          report linear-regression           A report with just that chapter
          report --all --format png,svg,pdf  SVG and PDF beside every PNG
          report --all --scale 2 --seed 7    Sharper PNGs, another random seed
          report --all --output /tmp/ml -q   Elsewhere, without progress lines
          report fit knn --data my.csv --target label --charts figs
                                             One model on your own CSV (see 'report fit --help')

        EXIT CODES:
          0   the report was written (or the list printed)
          64  bad command line: unknown chapter, bad option value, nothing selected
          65  a chapter failed to build; the previous report is unchanged
          73  the output folder cannot be written, or holds files that are not a report
          74  writing a file or swapping the new report in failed
        """

    /// The root's help: the build options are summarised here because `report --help` is what
    /// people type first, and the options belong to the default subcommand.
    static let guide = overview + """


        BUILD OPTIONS (all: 'report help build'):
          CHAPTER ...            build just these chapters (ids from --list)
          --all                  build every chapter
          --list                 print the chapter ids and titles
          -o, --output FOLDER    where to write (default: reports)
          --format png,svg,pdf   figure formats; PNG is always written
          --scale N              PNG resolution, 1 to 4 (default: 1)
          --seed N               seed for every random choice (default: 42)
          -q, --quiet            no progress lines on stderr


        """ + examplesAndExitCodes
}
