using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Collab.LoadTest;

/// <summary>
/// A PostgreSQL cluster of the machine's own binaries on a free loopback port, with the server's default durability
/// (unlike the unit tests' cluster, which turns fsync off): the load test measures what a deployment would see.
/// COLLAB_LOAD_POSTGRES (a connection string) uses an existing server instead.
/// </summary>
internal sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string? _directory;
    private readonly string? _bin;

    private ThrowawayPostgres(string adminConnectionString, string? directory, string? bin)
    {
        AdminConnectionString = adminConnectionString;
        _directory = directory;
        _bin = bin;
    }

    public string AdminConnectionString { get; }

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("COLLAB_LOAD_POSTGRES") is { Length: > 0 } configured)
        {
            return new ThrowawayPostgres(configured, null, null);
        }

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("No PostgreSQL binaries in /usr/lib/postgresql: apt-get install postgresql, or set COLLAB_LOAD_POSTGRES to a connection string.");
        }

        var directory = Path.Combine(Path.GetTempPath(), "collab-load-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", $"postgres {directory}", asPostgres: false); // PostgreSQL refuses to run as root
        }

        await RunAsync(Path.Combine(bin, "initdb"), $"-D {directory}/data -A trust -U collab -E UTF8");
        var port = FreePort();
        await RunAsync(Path.Combine(bin, "pg_ctl"), $"-D {directory}/data -o \"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c max_connections=300\" -l {directory}/log -w -t 60 start");
        return new ThrowawayPostgres($"Host=127.0.0.1;Port={port};Username=collab;Database=postgres", directory, bin);
    }

    /// <summary>A fresh, empty database on the server.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "load_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_directory is null || _bin is null)
        {
            return;
        }

        await RunAsync(Path.Combine(_bin, "pg_ctl"), $"-D {_directory}/data -m immediate -w stop", throwOnError: false);
        Directory.Delete(_directory, recursive: true);
    }

    private static async Task RunAsync(string file, string arguments, bool asPostgres = true, bool throwOnError = true)
    {
        var start = asPostgres && Environment.UserName == "root" ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}") : new ProcessStartInfo(file, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (throwOnError && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} exited with {process.ExitCode}: {await error}{await output}");
        }
    }
}
