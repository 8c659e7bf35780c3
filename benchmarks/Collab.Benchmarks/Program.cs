using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Collab.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
