using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collab.Mail.Tests;

/// <summary>A sender wired as a vendor wires it: AddCollabMail with options, logging captured.</summary>
internal static class MailTestKit
{
    public const string Token = "tok3n+/SECRET=value";

    public static (ServiceProvider Provider, CapturedLog Log) Services(LoopbackSmtpServer server, Action<CollabMailOptions>? configure = null, IMailHouseStyleSource? styles = null)
    {
        var log = new CapturedLog();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(log).SetMinimumLevel(LogLevel.Trace));
        services.AddCollabMail(options =>
        {
            options.Host = "127.0.0.1";
            options.Port = server.Port;
            options.Security = MailSecurity.None;
            options.FromAddress = "noreply@kantoor.nl";
            options.FromName = "Kantoor Jansen";
            options.Timeout = TimeSpan.FromSeconds(20);
            options.Links[NotificationKind.DeliverableReady] = "https://portal.kantoor.nl/link/{reference}";
            options.Links[NotificationKind.UserInvitation] = "https://portal.kantoor.nl/invitation/{reference}";
            configure?.Invoke(options);
        });
        if (styles is not null)
        {
            services.AddSingleton(styles);
        }

        return (services.BuildServiceProvider(validateScopes: true), log);
    }

    public static async Task SendAsync(ServiceProvider provider, Notification notification)
    {
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<INotificationSender>().SendAsync(notification, CancellationToken.None);
    }

    public static Notification Notification(string language = "nl-NL", string text = "Uw 'Jaarrapport 2025' staat klaar.", string? title = "Uw rapport staat klaar",
        NotificationKind kind = NotificationKind.DeliverableReady, string? reference = Token) =>
        new(Guid.CreateVersion7(), kind, "klant@klant.nl", AuditSubject.Deliverable(new DeliverableId(Guid.NewGuid())), text, reference, title, Html: null, language);

    public static void NoTokenLogged(CapturedLog log, string token = Token)
    {
        Assert.NotEmpty(log.Lines);
        foreach (var line in log.Lines)
        {
            Assert.DoesNotContain(token, line, StringComparison.Ordinal);
            Assert.DoesNotContain(Uri.EscapeDataString(token), line, StringComparison.Ordinal);
        }
    }
}
