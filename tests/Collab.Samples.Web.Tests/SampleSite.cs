using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Collab.Samples.Web.Tests;

/// <summary>
/// The web sample, started exactly as `dotnet run` starts it but on 127.0.0.1 with a free port and its own data
/// folder, and a headless Debian Chromium driven by Playwright. Without /usr/bin/chromium the tests are skipped
/// with that reason; COLLAB_REQUIRE_BROWSER=1 (set by .ci/run) turns the skip into a failure.
/// </summary>
public sealed class SampleSite : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private readonly string _data = Directory.CreateTempSubdirectory("collab-web-").FullName;
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public string BaseAddress { get; private set; } = string.Empty;

    /// <summary>Every state-changing route the host maps (POST, PUT, PATCH, DELETE), as route patterns, read from its endpoints.</summary>
    public IReadOnlyList<string> WriteRoutes { get; private set; } = [];

    public IBrowser? Browser { get; private set; }

    public string? SkipReason { get; private set; }

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            SkipReason = $"{ChromiumPath} is not installed (apt-get install chromium); .ci/run installs it.";
            if (Environment.GetEnvironmentVariable("COLLAB_REQUIRE_BROWSER") == "1")
            {
                throw new InvalidOperationException(SkipReason + " COLLAB_REQUIRE_BROWSER=1 requires the browser tests to run.");
            }

            return;
        }

        _app = await SampleWebApp.CreateAsync(["--urls", "http://127.0.0.1:0", "--Sample:DataFolder", _data, "--Logging:LogLevel:Default", "Warning"]);
        await _app.StartAsync();
        BaseAddress = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        WriteRoutes = _app.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Any(m => m is "POST" or "PUT" or "PATCH" or "DELETE") == true)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct()
            .ToList();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class SampleSiteCollection : ICollectionFixture<SampleSite>
{
    public const string Name = "web sample";
}
