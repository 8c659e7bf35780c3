using Collab.LoadTest;

// dotnet run -c Release --project benchmarks/Collab.LoadTest -- [--setups sqlite,postgres,postgres-x2] [--levels 1,4,16,64] [--seconds 8] [--max-requests 100000]
// Starts the web sample on 127.0.0.1 (and a throwaway PostgreSQL for the postgres setups), drives it for a fixed time
// per level, checks the invariants, prints the report and writes artifacts/load/results.json. Exit code 1 on any
// error or broken invariant.
var options = LoadOptions.Parse(args);
var results = new List<SetupResult>();
await using var postgres = options.Setups.Any(s => s.StartsWith("postgres", StringComparison.Ordinal)) ? await ThrowawayPostgres.StartAsync() : null;
foreach (var setup in options.Setups)
{
    results.Add(await LoadRun.RunAsync(setup, options, postgres));
}

Report.Write(results, options, Console.Out);
return results.All(r => r.Passed) ? 0 : 1;
