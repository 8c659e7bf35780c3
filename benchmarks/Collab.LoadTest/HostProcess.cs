using System.Diagnostics;

namespace Collab.LoadTest;

/// <summary>
/// One instance of the web sample as its own process on a loopback port, started from the build output next to this
/// tool (the sample's assembly is a project reference), stopped when disposed.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private HostProcess(Process process, Uri address, string deliveryLog)
    {
        _process = process;
        Address = address;
        DeliveryLog = deliveryLog;
    }

    public Uri Address { get; }

    /// <summary>The file this instance's mailbox appends each delivered notification's id to.</summary>
    public string DeliveryLog { get; }

    public static async Task<HostProcess> StartAsync(string name, string dataFolder, string? postgres)
    {
        var port = ThrowawayPostgres.FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var deliveryLog = Path.Combine(dataFolder, $"delivered-{name}.log");
        var assembly = Path.Combine(AppContext.BaseDirectory, "Collab.Samples.Web.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { assembly, "--urls", address.ToString(), "--Sample:DataFolder", dataFolder, "--Sample:DeliveryLog", deliveryLog,
                     "--Logging:LogLevel:Default", "Warning", "--Logging:LogLevel:Microsoft.EntityFrameworkCore", "Error" })
        {
            start.ArgumentList.Add(argument);
        }

        if (postgres is not null)
        {
            start.ArgumentList.Add("--ConnectionStrings:Postgres");
            start.ArgumentList.Add(postgres);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the web sample.");
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (errors) { errors.AppendLine(e.Data); } };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var host = new HostProcess(process, address, deliveryLog);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The web sample ({name}) exited with {process.ExitCode}: {errors}");
            }

            try
            {
                if ((await http.GetAsync(new Uri(address, "/health/ready"))).IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(250);
        }

        await host.DisposeAsync();
        throw new TimeoutException($"The web sample ({name}) was not ready within 3 minutes: {errors}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
