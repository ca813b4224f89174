using ApprovalBot.Bench;

return await BenchProgram.RunAsync(args);
