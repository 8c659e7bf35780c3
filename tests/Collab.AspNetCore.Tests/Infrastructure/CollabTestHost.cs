using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Collab.AspNetCore;
using Collab.Persistence.EfCore;
using Collab.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collab.AspNetCore.Tests;

/// <summary>
/// A vendor's host in memory (TestServer) on a fresh database of one engine: AddCollab + the EF stores on the vendor's
/// DbContext, AddCollabAspNetCore, every group mapped, an OpenAPI document. Sign-in is a test scheme standing in for the
/// vendor's identity provider: <c>Authorization: Test {user id}</c> (a bearer-like header) or a <c>test-user</c>
/// cookie (an ambient credential, as a browser sends it). <c>X-Test-Address</c> sets the client address.
/// </summary>
public sealed class CollabTestHost : IAsyncDisposable
{
    public const string RouteHeader = "X-Test-Route";

    private readonly WebApplication _app;

    private CollabTestHost(WebApplication app, TestDatabase database)
    {
        _app = app;
        Database = database;
        Client = app.GetTestClient();
    }

    public TestDatabase Database { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<CollabTestHost> StartAsync(Engine engine, PostgresServer? postgres, Action<CollabAspNetCoreOptions>? options = null, Action<WebApplication>? map = null)
    {
        var database = await TestDatabase.CreateAsync(engine, postgres);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("COLLAB_TEST_LOG") == "1")
        {
            builder.Logging.AddConsole();
        }
        builder.Services.AddSingleton<TimeProvider>(database.Clock); // the one source of time: Collab makes its IClock from it
        builder.Services.AddDbContext<VendorDbContext>(database.Configure);
        builder.Services.AddCollab(Collab.Tests.Infrastructure.ReceiptKeys.Apply).AddEntityFrameworkStores<VendorDbContext>() // approvals sign receipts (SHARE-18)
            .AddFileSystemBlobStore(Path.Combine(Path.GetTempPath(), "collab-aspnet-blobs", Guid.NewGuid().ToString("N")));
        builder.Services.AddCollabAspNetCore(options);
        builder.Services.AddAuthentication(TestAuthentication.Name).AddScheme<AuthenticationSchemeOptions, TestAuthentication>(TestAuthentication.Name, null);
        builder.Services.AddAuthorization();
        builder.Services.AddOpenApi();
        var app = builder.Build();
        app.Use((context, next) =>
        {
            if (context.Request.Headers.TryGetValue("X-Test-Address", out var address) && IPAddress.TryParse(address, out var ip))
            {
                context.Connection.RemoteIpAddress = ip;
            }

            return next(context);
        });
        app.UseRouting();
        app.Use((context, next) =>
        {
            // The route pattern that answered, so a test can look the endpoint up in the OpenAPI document.
            if (context.GetEndpoint() is RouteEndpoint endpoint)
            {
                context.Response.Headers[RouteHeader] = context.Request.Method + " " + endpoint.RoutePattern.RawText;
            }

            return next(context);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        if (map is null)
        {
            app.MapCollabProvisioningEndpoints("/platform");
            app.MapCollabOfficeEndpoints("/office").RequireAuthorization();
            app.MapCollabClientEndpoints("/client").RequireAuthorization();
            app.MapCollabLinkEndpoints("/link");
        }
        else
        {
            map(app);
        }

        await app.StartAsync();
        return new CollabTestHost(app, database);
    }

    public static HttpRequestMessage As(Guid? user, HttpMethod method, string path, object? body = null, bool cookie = false, string? language = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (user is { } id)
        {
            if (cookie)
            {
                request.Headers.Add("Cookie", $"test-user={id}");
            }
            else
            {
                request.Headers.Authorization = new AuthenticationHeaderValue(TestAuthentication.Name, id.ToString());
            }
        }

        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        return request;
    }

    public async Task<JsonNode> OkAsync(Guid? user, HttpMethod method, string path, object? body = null)
    {
        using var response = await Client.SendAsync(As(user, method, path, body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    public static readonly JsonSerializerOptions Json = CollabJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>The vendor's sign-in, for tests: the Collab user id from an Authorization header or a cookie, as the <c>collab-user</c> claim.</summary>
internal sealed class TestAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "Test";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        var value = header.StartsWith(Name + " ", StringComparison.Ordinal) ? header[(Name.Length + 1)..] : Request.Cookies["test-user"];
        if (string.IsNullOrEmpty(value))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var identity = new ClaimsIdentity([new Claim("collab-user", value), new Claim(ClaimTypes.Name, "test-operator")], Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Name)));
    }
}
