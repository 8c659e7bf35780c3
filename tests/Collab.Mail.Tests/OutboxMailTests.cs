using Collab.Authorization;
using Collab.Deliverables;
using Collab.Notifications;
using Collab.Persistence.EfCore;
using Collab.Portal;
using Collab.Registry;
using Collab.Rights;
using Collab.Tiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using Microsoft.Extensions.Time.Testing;
using SmtpServer.Protocol;

namespace Collab.Mail.Tests;

/// <summary>
/// Collab's own outbox on SQLite → the dispatcher → SmtpNotificationSender → a real SMTP server on loopback: a report
/// shared in the domain arrives as e-mail, a refused first delivery is retried by the outbox, and the office's house
/// style shows only to a client whose tier includes it (TIER-2, SHARE-10).
/// </summary>
public sealed class OutboxMailTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"collab-mail-{Guid.NewGuid():N}.db");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)); // Collab makes its IClock from it
    private readonly CapturedLog _log = new();
    private LoopbackSmtpServer _server = null!;
    private ServiceProvider _provider = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _provider.DisposeAsync();
        await _server.DisposeAsync();
        SqliteCleanup();
    }

    [Fact]
    public async Task A_report_shared_with_a_Standard_client_arrives_by_mail_with_its_link_and_no_house_style()
    {
        var world = await StartAsync(LoopbackSmtpServer.Start(), ClientTier.Standard);

        var shared = await ShareAsync(world, deadline: null);
        var sent = await DispatchAsync();

        Assert.Equal(1, sent);
        var mail = Assert.Single(_server.Received);
        Assert.Equal(["klant@klant.nl"], mail.EnvelopeTo);
        Assert.Equal("nl-NL", mail.Message.Body!.Headers["Content-Language"]);
        Assert.Contains(Uri.EscapeDataString(shared.LinkToken!), mail.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Jaarrekening 2025", mail.Message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Kantoor Jansen", mail.Message.HtmlBody, StringComparison.Ordinal); // TIER-2: Standard has no house style
        Assert.DoesNotContain("#7A1F5C", mail.Message.HtmlBody, StringComparison.Ordinal);
        MailTestKit.NoTokenLogged(_log, shared.LinkToken!);
        Assert.Equal(0, (await StatusAsync()).Pending);
    }

    [Fact]
    public async Task An_Extended_client_gets_the_offices_house_style_in_the_HTML_only()
    {
        var world = await StartAsync(LoopbackSmtpServer.Start(), ClientTier.CollaborateExtended);

        await ShareAsync(world, deadline: new LocalDate(2026, 6, 30)); // an approval task (SHARE-3)
        await DispatchAsync();

        var message = Assert.Single(_server.Received).Message;
        Assert.Contains("Kantoor Jansen", message.HtmlBody, StringComparison.Ordinal); // SHARE-10, TIER-2
        Assert.Contains("#7A1F5C", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("background-color:#FFFDF5", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Kantoor Jansen", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delivery_the_server_refuses_first_is_retried_by_the_outbox_and_arrives_once()
    {
        var world = await StartAsync(LoopbackSmtpServer.Start(refuseFirst: 1, refusal: SmtpReplyCode.ServiceUnavailable), ClientTier.Standard);
        var shared = await ShareAsync(world, deadline: null);

        Assert.Equal(0, await DispatchAsync()); // 421: the sender throws, the outbox keeps the message for later
        Assert.Equal(1, _server.Refused);
        Assert.Empty(_server.Received);
        Assert.Equal(1, (await StatusAsync()).Pending);
        Assert.Equal(0, await DispatchAsync()); // backing off: not yet
        _clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, await DispatchAsync());

        var mail = Assert.Single(_server.Received);
        Assert.Contains(Uri.EscapeDataString(shared.LinkToken!), mail.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains(_log.Lines, line => line.StartsWith("Warning", StringComparison.Ordinal) && line.Contains("the outbox retries it", StringComparison.Ordinal));
        MailTestKit.NoTokenLogged(_log, shared.LinkToken!);
        Assert.Equal(0, (await StatusAsync()).Pending);
    }

    [Fact]
    public async Task A_recipient_the_server_keeps_refusing_is_dead_lettered_after_the_last_attempt_with_no_token_in_its_error()
    {
        var world = await StartAsync(LoopbackSmtpServer.Start(refuseFirst: 100, refusal: SmtpReplyCode.MailboxUnavailable), ClientTier.Standard, maxAttempts: 2);
        var shared = await ShareAsync(world, deadline: null);

        Assert.Equal(0, await DispatchAsync());
        _clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(0, await DispatchAsync());

        await using var scope = _provider.CreateAsyncScope();
        var dead = Assert.Single(await scope.ServiceProvider.GetRequiredService<IOutboxDispatcher>().ListDeadLettersAsync());
        Assert.Equal(2, dead.Attempts);
        Assert.Contains("refused by the test server", dead.LastError, StringComparison.Ordinal); // the server's answer, for the operator
        Assert.DoesNotContain(shared.LinkToken!, dead.LastError, StringComparison.Ordinal);
        Assert.Null(dead.Notification.Reference); // given up: its one-time token is erased, as a delivered one's is
        Assert.Equal(2, _server.Refused);
        Assert.Empty(_server.Received);
        Assert.Equal(2, _log.Lines.Count(line => line.StartsWith("Error", StringComparison.Ordinal) && line.Contains("550", StringComparison.Ordinal)));
        MailTestKit.NoTokenLogged(_log, shared.LinkToken!);
    }

    private async Task<World> StartAsync(LoopbackSmtpServer server, ClientTier tier, int maxAttempts = 8)
    {
        _server = server;
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(_log).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<TimeProvider>(_clock);
        services.AddDbContext<MailDbContext>(o => o.UseSqlite($"Data Source={_file};Pooling=False"));
        services.AddCollab(options => options.NotificationMaxAttempts = maxAttempts).AddEntityFrameworkStores<MailDbContext>();
        services.AddCollabMail(options =>
        {
            options.Host = "127.0.0.1";
            options.Port = server.Port;
            options.Security = MailSecurity.None;
            options.FromAddress = "noreply@kantoor.nl";
            options.Links[NotificationKind.DeliverableReady] = "https://portal.kantoor.nl/link/{reference}";
        });
        services.AddScoped<IMailHouseStyleSource, TierHouseStyleSource>();
        _provider = services.BuildServiceProvider(validateScopes: true);

        await using var scope = _provider.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await CollabDatabase.EnsureCreatedAsync(sp.GetRequiredService<MailDbContext>());
        var platform = sp.GetRequiredService<CollabPlatform>().Operator("mail-tests");
        var registry = sp.GetRequiredService<CollabRegistry>();
        var office = await registry.RegisterOfficeAsync(platform, "Kantoor Jansen");
        var client = await registry.RegisterClientAsync(platform, "Klant");
        var company = await registry.AddCompanyAsync(platform, client.Id, "Klant B.V.");
        var admin = await registry.CreateOfficeUserAsync(platform, office.Id, "beheer@kantoor.nl");
        var environment = await registry.CreateEnvironmentAsync(platform, office.Id, "Omgeving", [admin.Id]);
        var administration = await registry.CreateAdministrationAsync(platform, company.Id, AdministrationNumber.From(7), "Boeken", environment: environment.Id);
        var user = await registry.CreateClientUserAsync(platform, client.Id, "klant@klant.nl", [company.Id]);
        await sp.GetRequiredService<RightsService>().GrantAsync(ActingParty.User(user.Id), office.Id, administration.Id, GrantChannel.Web);
        await sp.GetRequiredService<TierService>().StartCollaborationAsync(platform, office.Id, client.Id, tier, new LocalDate(2026, 1, 1));
        var desk = ActingParty.User(admin.Id);
        await sp.GetRequiredService<HouseStyles>().SetHouseStyleAsync(desk, office.Id, new HouseStyleRequest("kantoor-jansen", null, "#7A1F5C", "#1C1C1C", "#FFFDF5", "Welkom"));
        await DispatchAsync(); // whatever the setup queued (invitations) goes first
        _server.Received.Clear();
        return new World(desk, office.Id, company.Id);
    }

    private async Task<ShareResult> ShareAsync(World world, LocalDate? deadline)
    {
        await using var scope = _provider.CreateAsyncScope();
        var draft = await scope.ServiceProvider.GetRequiredService<DeliverableAuthoring>().DraftAsync(world.Desk, world.Office, world.Company, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025), title: "Jaarrekening 2025");
        return await scope.ServiceProvider.GetRequiredService<DeliverableSharing>().ShareAsync(world.Desk, draft.Id, deadline);
    }

    private async Task<int> DispatchAsync()
    {
        await using var scope = _provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IOutboxDispatcher>().DispatchAsync();
    }

    private async Task<OutboxStatus> StatusAsync()
    {
        await using var scope = _provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IOutboxDispatcher>().StatusAsync();
    }

    private void SqliteCleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    private sealed record World(ActingParty Desk, OfficeId Office, CompanyId Company);

    /// <summary>
    /// What a vendor writes: the report a notification is about → its office and client → the client's tier → the
    /// office's house style, only when the tier includes it (TIER-2).
    /// </summary>
    private sealed class TierHouseStyleSource(IDeliverableStore deliverables, ITierStore tiers, TierCatalogue catalogue, IHouseStyleStore portal, IOfficeStore registry) : IMailHouseStyleSource
    {
        public async Task<MailHouseStyle?> FindAsync(Notification notification, CancellationToken cancellationToken)
        {
            if (notification.Subject.Type != "report" || !Guid.TryParse(notification.Subject.Id, out var id)
                || await deliverables.FindDeliverableAsync(new DeliverableId(id), cancellationToken) is not { } deliverable
                || await tiers.FindTierAsync(deliverable.OfficeId, deliverable.ClientId, cancellationToken) is not { } tier
                || !catalogue.Allows(tier, Feature.HouseStyle)
                || await portal.FindHouseStyleAsync(deliverable.OfficeId, cancellationToken) is not { } style
                || await registry.FindOfficeAsync(deliverable.OfficeId, cancellationToken) is not { } office)
            {
                return null;
            }

            return new MailHouseStyle(office.Name, style.PrimaryColour, style.TextColour, style.BackgroundColour);
        }
    }
}

/// <summary>The vendor's own DbContext with Collab's model in it.</summary>
public sealed class MailDbContext(DbContextOptions<MailDbContext> options) : DbContext(options)
{
    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyCollabModel();
}
