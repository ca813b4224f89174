using ApprovalBot.Bench.Hosting;

namespace ApprovalBot.Bench;

/// <summary>
/// One program, three roles: the driver (default) and, started by the driver as child processes of itself,
/// the Silo (<c>--role silo</c>) and the Api (<c>--role api</c>). Children keep the silo's memory apart from
/// the load generator's, so its resident set size is its own.
/// </summary>
public static class BenchProgram
{
    public const string RoleFlag = "--role";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length >= 2 && args[0] == RoleFlag)
        {
            return args[1] switch
            {
                SiloRole.Name => await SiloRole.RunAsync(args[2..]),
                ApiRole.Name => await ApiRole.RunAsync(args[2..]),
                _ => Usage($"unknown role '{args[1]}'"),
            };
        }

        var plan = BenchPlan.FromArguments(args);
        if (plan is null)
        {
            return Usage("choose one of --smoke, --quick, --full");
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // The run stops its children and drops its database on the way out.
            e.Cancel = true;
            stop.Cancel();
        };
        try
        {
            return await BenchRun.RunAsync(plan, args, stop.Token);
        }
        finally
        {
            ChildProcess.KillAll();
        }
    }

    private static int Usage(string problem)
    {
        Console.Error.WriteLine($"ApprovalBot.Bench: {problem}.");
        Console.Error.WriteLine(
            "usage: dotnet run -c Release --project bench/ApprovalBot.Bench -- --smoke | --quick | --full");
        return 64;
    }
}
