using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Collab.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL server for the store tests: the one named by COLLAB_TEST_POSTGRES (a connection string),
/// else a throwaway cluster started from the machine's binaries on a free loopback port and removed afterwards,
/// else unavailable with a reason (tests skip visibly). With COLLAB_REQUIRE_POSTGRES=1 (set by .ci/run)
/// "unavailable" is a failure instead of a skip.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string ConnectionVariable = "COLLAB_TEST_POSTGRES";
    public const string RequireVariable = "COLLAB_REQUIRE_POSTGRES";

    private string? _clusterDirectory;
    private string? _binDirectory;

    public string? AdminConnectionString { get; private set; }

    public string? UnavailableReason { get; private set; }

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            AdminConnectionString = configured;
            return;
        }

        _binDirectory = FindBinaries();
        if (_binDirectory is null)
        {
            UnavailableReason = $"No PostgreSQL server: set {ConnectionVariable} or install PostgreSQL (apt-get install postgresql) so /usr/lib/postgresql/*/bin/initdb exists.";
            return;
        }

        try
        {
            await StartClusterAsync(_binDirectory);
        }
        catch (Exception e)
        {
            UnavailableReason = $"Could not start a throwaway PostgreSQL from {_binDirectory}: {e.Message}";
        }
    }

    public async Task DisposeAsync()
    {
        if (_clusterDirectory is null || _binDirectory is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await RunAsync(Path.Combine(_binDirectory, "pg_ctl"), $"-D {_clusterDirectory}/data -m immediate -w stop", throwOnError: false);
        try
        {
            Directory.Delete(_clusterDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the cluster is stopped; a left-over folder in /tmp is harmless.
        }
    }

    /// <summary>A fresh, empty database on the server, so every test starts clean.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        if (AdminConnectionString is null)
        {
            if (Required)
            {
                throw new InvalidOperationException($"PostgreSQL is required ({RequireVariable}=1) but unavailable: {UnavailableReason}");
            }

            Skip.If(true, UnavailableReason);
        }

        var name = "collab_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, MaxPoolSize = 20 }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, so a shared server does not fill up.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task StartClusterAsync(string bin)
    {
        _clusterDirectory = Path.Combine(Path.GetTempPath(), "collab-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_clusterDirectory);
        if (IsRoot)
        {
            // PostgreSQL refuses to run as root: the cluster belongs to the postgres user.
            await RunAsync("chown", $"postgres {_clusterDirectory}", asPostgres: false);
        }

        await RunAsync(Path.Combine(bin, "initdb"), $"-D {_clusterDirectory}/data -A trust -U collab -E UTF8 --no-sync");
        var port = FreeLoopbackPort();
        var settings = $"-p {port} -k {_clusterDirectory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        await RunAsync(Path.Combine(bin, "pg_ctl"), $"-D {_clusterDirectory}/data -o \"{settings}\" -l {_clusterDirectory}/log -w -t 60 start");
        AdminConnectionString = $"Host=127.0.0.1;Port={port};Username=collab;Database=postgres;Include Error Detail=true";
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string arguments, bool asPostgres = true, bool throwOnError = true)
    {
        var start = asPostgres && IsRoot
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
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

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
