using ApprovalBot.Silo.Hosting;

return await SiloProgram.RunAsync(args);
