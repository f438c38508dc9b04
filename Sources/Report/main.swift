// The `report` executable's entry point; everything else lives in the command.
ReportCommand.main()
