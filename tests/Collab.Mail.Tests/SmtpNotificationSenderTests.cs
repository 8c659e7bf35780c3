using Microsoft.Extensions.Configuration;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using SmtpServer.Protocol;

namespace Collab.Mail.Tests;

/// <summary>SmtpNotificationSender against a real SMTP server on loopback: what arrives is parsed and checked.</summary>
public sealed class SmtpNotificationSenderTests : IAsyncLifetime
{
    private LoopbackSmtpServer _server = null!;

    public Task InitializeAsync()
    {
        _server = LoopbackSmtpServer.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_Dutch_notification_arrives_with_its_headers_and_both_parts_in_Dutch()
    {
        var (provider, log) = MailTestKit.Services(_server);
        await using var _ = provider;
        var notification = MailTestKit.Notification("nl-NL", "Uw 'Jaarrapport 2025' staat klaar.\nDe link werkt één keer.");

        await MailTestKit.SendAsync(provider, notification);

        var mail = Assert.Single(_server.Received);
        var message = mail.Message;
        Assert.Equal("noreply@kantoor.nl", mail.EnvelopeFrom);
        Assert.Equal(["klant@klant.nl"], mail.EnvelopeTo);
        Assert.Equal("\"Kantoor Jansen\" <noreply@kantoor.nl>", message.From.ToString());
        Assert.Equal("klant@klant.nl", Assert.Single(message.To.Mailboxes).Address);
        Assert.Empty(message.Cc);
        Assert.Empty(message.Bcc);
        Assert.Equal("Uw rapport staat klaar", message.Subject);
        Assert.Equal($"{notification.Id:N}@kantoor.nl", message.MessageId);
        Assert.Equal("nl-NL", message.Body!.Headers[HeaderId.ContentLanguage]);
        Assert.Contains("\r\nContent-Language: nl-NL\r\n", mail.Raw[..(mail.Raw.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 2)], StringComparison.Ordinal); // in the message's header block
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);

        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(2, alternative.Count);
        var plain = Assert.IsType<TextPart>(alternative[0]);
        var html = Assert.IsType<TextPart>(alternative[1]);
        Assert.True(plain.IsPlain);
        Assert.True(html.IsHtml);
        Assert.Equal("nl-NL", plain.Headers[HeaderId.ContentLanguage]);
        Assert.Equal("nl-NL", html.Headers[HeaderId.ContentLanguage]);
        Assert.StartsWith("Uw 'Jaarrapport 2025' staat klaar.\nDe link werkt één keer.\n\nRapport openen: https://portal.kantoor.nl/link/", plain.Text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"nl-NL\">", html.Text, StringComparison.Ordinal);
        Assert.Contains("<p>Uw &#39;Jaarrapport 2025&#39; staat klaar.<br>De link werkt &#233;&#233;n keer.</p>", html.Text, StringComparison.Ordinal);
        Assert.Contains(">Rapport openen</a>", html.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"office\"", html.Text, StringComparison.Ordinal); // no house style source: Collab's plain look
        MailTestKit.NoTokenLogged(log);
    }

    [Fact]
    public async Task An_English_reader_gets_English_headers_and_link_text()
    {
        var (provider, log) = MailTestKit.Services(_server);
        await using var _ = provider;

        await MailTestKit.SendAsync(provider, MailTestKit.Notification("en-GB", "Your report 'Annual report 2025' is ready.", "Your report is ready"));

        var message = Assert.Single(_server.Received).Message;
        Assert.Equal("Your report is ready", message.Subject);
        Assert.Equal("en-GB", message.Body!.Headers[HeaderId.ContentLanguage]);
        Assert.Contains("Open the report: https://portal.kantoor.nl/link/", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en-GB\">", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(">Open the report</a>", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("openen", message.TextBody, StringComparison.Ordinal);
        MailTestKit.NoTokenLogged(log);
    }

    [Fact]
    public async Task The_token_is_in_the_link_of_both_parts_escaped_and_never_in_a_log_line()
    {
        var (provider, log) = MailTestKit.Services(_server);
        await using var _ = provider;

        await MailTestKit.SendAsync(provider, MailTestKit.Notification());

        var message = Assert.Single(_server.Received).Message;
        var link = "https://portal.kantoor.nl/link/" + Uri.EscapeDataString(MailTestKit.Token);
        Assert.Contains(link, message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{link}\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(log.Lines, line => line.Contains("sent by e-mail", StringComparison.Ordinal));
        MailTestKit.NoTokenLogged(log);
    }

    [Fact]
    public async Task A_kind_without_a_configured_address_is_sent_without_a_link_and_says_so_without_the_token()
    {
        var (provider, log) = MailTestKit.Services(_server, options => options.Links.Clear());
        await using var _ = provider;

        await MailTestKit.SendAsync(provider, MailTestKit.Notification());

        var message = Assert.Single(_server.Received).Message;
        Assert.DoesNotContain("http", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(MailTestKit.Token, message.Raw(), StringComparison.Ordinal);
        Assert.Contains(log.Lines, line => line.Contains("has no address for its kind", StringComparison.Ordinal));
        MailTestKit.NoTokenLogged(log);
    }

    [Fact]
    public async Task Hostile_text_is_encoded_in_the_HTML_and_cannot_add_a_header()
    {
        var (provider, _) = MailTestKit.Services(_server);
        await using var __ = provider;
        const string hostile = "<script>alert('x')</script> & <img src=x onerror=alert(1)> \"quoted\"";

        await MailTestKit.SendAsync(provider, MailTestKit.Notification(text: hostile, title: "Rapport\r\nBcc: attacker@evil.example\r\n<b>"));

        var mail = Assert.Single(_server.Received);
        var message = mail.Message;
        Assert.Equal(["klant@klant.nl"], mail.EnvelopeTo);
        Assert.Empty(message.Bcc);
        Assert.Null(message.Headers["Bcc"]);
        Assert.DoesNotContain("\n", message.Subject, StringComparison.Ordinal);
        Assert.StartsWith("Rapport", message.Subject, StringComparison.Ordinal);
        Assert.StartsWith(hostile, message.TextBody, StringComparison.Ordinal); // the plain part is the text as written
        Assert.DoesNotContain("<script", message.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", message.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot;", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<title>Rapport  Bcc: attacker@evil.example  &lt;b&gt;</title>", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sending_the_same_notification_twice_gives_the_same_Message_Id_so_a_duplicate_is_recognisable()
    {
        var (provider, _) = MailTestKit.Services(_server);
        await using var __ = provider;
        var notification = MailTestKit.Notification();

        await MailTestKit.SendAsync(provider, notification);
        await MailTestKit.SendAsync(provider, notification);

        Assert.Equal(2, _server.Received.Count);
        Assert.Single(_server.Received.Select(m => m.Message.MessageId).Distinct());
    }

    [Fact]
    public async Task A_refused_recipient_throws_for_the_outbox_and_is_logged_by_id_and_kind_only()
    {
        await using var refusing = LoopbackSmtpServer.Start(refuseFirst: 1, refusal: SmtpReplyCode.MailboxUnavailable);
        var (provider, log) = MailTestKit.Services(refusing);
        await using var _ = provider;
        var notification = MailTestKit.Notification();

        var failure = await Assert.ThrowsAsync<SmtpCommandException>(() => MailTestKit.SendAsync(provider, notification));

        Assert.Equal(550, (int)failure.StatusCode);
        Assert.Empty(refusing.Received);
        var line = Assert.Single(log.Lines, l => l.StartsWith("Error", StringComparison.Ordinal));
        Assert.Contains(notification.Id.ToString(), line, StringComparison.Ordinal);
        Assert.Contains("DeliverableReady", line, StringComparison.Ordinal);
        MailTestKit.NoTokenLogged(log);
    }

    [Fact]
    public async Task Missing_host_or_sender_address_stops_with_a_message_naming_the_setting()
    {
        var (provider, _) = MailTestKit.Services(_server, options => (options.Host, options.FromAddress) = ("", ""));
        await using var _ = provider;

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CollabMailOptions>>().Value);

        Assert.Contains(failure.Failures, f => f.Contains("Collab:Mail:Host is missing", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.Contains("Collab:Mail:FromAddress is missing", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://portal.kantoor.nl/link/")]
    [InlineData("javascript:alert(1)//{reference}")]
    [InlineData("/relative/{reference}")]
    public void A_link_address_without_the_placeholder_or_not_http_is_refused_at_start(string address)
    {
        var (provider, _) = MailTestKit.Services(_server, options => options.Links[NotificationKind.DeliverableReady] = address);
        using var _ = provider;

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CollabMailOptions>>().Value);

        Assert.Contains("Collab:Mail:Links:DeliverableReady", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_bind_from_a_configuration_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Collab:Mail:Host"] = "127.0.0.1",
            ["Collab:Mail:Port"] = _server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Collab:Mail:Security"] = "None",
            ["Collab:Mail:FromAddress"] = "noreply@kantoor.nl",
            ["Collab:Mail:Timeout"] = "00:00:15",
            ["Collab:Mail:Links:DeliverableReady"] = "https://portal.kantoor.nl/r/{reference}",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddCollabMail(configuration.GetSection("Collab:Mail"));
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<CollabMailOptions>>().Value;
        await MailTestKit.SendAsync(provider, MailTestKit.Notification());

        Assert.Equal(TimeSpan.FromSeconds(15), options.Timeout);
        Assert.Equal(MailSecurity.None, options.Security);
        Assert.Contains("https://portal.kantoor.nl/r/", Assert.Single(_server.Received).Message.TextBody, StringComparison.Ordinal);
    }
}

internal static class MessageText
{
    public static string Raw(this MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
