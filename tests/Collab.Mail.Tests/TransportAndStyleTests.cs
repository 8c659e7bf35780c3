using MailKit.Security;
using MimeKit;

namespace Collab.Mail.Tests;

/// <summary>The connection options (STARTTLS, none, signing in) and the house style's logo, against real servers on loopback.</summary>
public sealed class TransportAndStyleTests
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task StartTls_upgrades_the_connection_and_trusts_a_pinned_self_signed_certificate()
    {
        await using var server = LoopbackSmtpServer.Start(startTls: true);
        var (provider, log) = MailTestKit.Services(server, options => (options.Security, options.TrustedCertificateSha256) = (MailSecurity.StartTls, server.CertificateSha256));
        await using var _ = provider;

        await MailTestKit.SendAsync(provider, MailTestKit.Notification());

        Assert.True(Assert.Single(server.Received).Secure);
        MailTestKit.NoTokenLogged(log);
    }

    [Fact]
    public async Task StartTls_refuses_a_certificate_nobody_vouches_for_and_throws_for_a_retry()
    {
        await using var server = LoopbackSmtpServer.Start(startTls: true);
        var (provider, log) = MailTestKit.Services(server, options => options.Security = MailSecurity.StartTls);
        await using var _ = provider;

        await Assert.ThrowsAsync<SslHandshakeException>(() => MailTestKit.SendAsync(provider, MailTestKit.Notification()));

        Assert.Empty(server.Received);
        Assert.Contains(log.Lines, line => line.Contains("SslHandshakeException", StringComparison.Ordinal));
        MailTestKit.NoTokenLogged(log);
    }

    [Fact]
    public async Task StartTls_refuses_a_server_that_does_not_offer_it()
    {
        await using var server = LoopbackSmtpServer.Start(startTls: false);
        var (provider, _) = MailTestKit.Services(server, options => options.Security = MailSecurity.StartTls);
        await using var __ = provider;

        await Assert.ThrowsAsync<NotSupportedException>(() => MailTestKit.SendAsync(provider, MailTestKit.Notification()));

        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task Credentials_sign_in_and_a_wrong_password_throws()
    {
        await using var server = LoopbackSmtpServer.Start(credentials: ("collab", "geheim"));
        var (good, log) = MailTestKit.Services(server, options => (options.UserName, options.Password) = ("collab", "geheim"));
        var (bad, _) = MailTestKit.Services(server, options => (options.UserName, options.Password) = ("collab", "fout"));
        await using var _ = good;
        await using var __ = bad;

        await MailTestKit.SendAsync(good, MailTestKit.Notification());
        await Assert.ThrowsAsync<AuthenticationException>(() => MailTestKit.SendAsync(bad, MailTestKit.Notification()));

        Assert.Equal("collab", Assert.Single(server.Received).User);
        Assert.DoesNotContain(log.Lines, line => line.Contains("geheim", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_house_style_puts_the_office_name_colours_and_an_embedded_logo_in_the_HTML_part_only()
    {
        await using var server = LoopbackSmtpServer.Start();
        var style = new MailHouseStyle("Kantoor <Jansen> & Zn", "#7A1F5C", "#1C1C1C", "#FFFDF5", Png, "image/png");
        var (provider, _) = MailTestKit.Services(server, styles: new FixedStyle(style));
        await using var __ = provider;

        await MailTestKit.SendAsync(provider, MailTestKit.Notification());

        var message = Assert.Single(server.Received).Message;
        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.True(Assert.IsType<TextPart>(alternative[0]).IsPlain);
        var related = Assert.IsType<MultipartRelated>(alternative[1]);
        var html = Assert.IsType<TextPart>(related[0]);
        var logo = Assert.IsType<MimePart>(related[1]);
        Assert.Equal("image/png", logo.ContentType.MimeType);
        Assert.Contains($"src=\"cid:{logo.ContentId}\"", html.Text, StringComparison.Ordinal);
        Assert.Contains("Kantoor &lt;Jansen&gt; &amp; Zn", html.Text, StringComparison.Ordinal);
        Assert.Contains("color:#7A1F5C", html.Text, StringComparison.Ordinal);
        Assert.Contains("background-color:#FFFDF5", html.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Text, StringComparison.Ordinal); // no remote resource: the logo travels inside
        Assert.DoesNotContain("Jansen", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_style_with_a_colour_that_is_not_RRGGBB_is_left_out_rather_than_written_into_the_page()
    {
        await using var server = LoopbackSmtpServer.Start();
        var style = new MailHouseStyle("Kantoor Jansen", "red;background:url(https://evil.example/x)", "#1C1C1C", "#FFFFFF");
        var (provider, log) = MailTestKit.Services(server, styles: new FixedStyle(style));
        await using var __ = provider;

        await MailTestKit.SendAsync(provider, MailTestKit.Notification());

        var html = Assert.Single(server.Received).Message.HtmlBody;
        Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Kantoor Jansen", html, StringComparison.Ordinal);
        Assert.Contains(log.Lines, line => line.Contains("is not #RRGGBB", StringComparison.Ordinal));
    }

    private sealed class FixedStyle(MailHouseStyle style) : IMailHouseStyleSource
    {
        public Task<MailHouseStyle?> FindAsync(Notification notification, CancellationToken cancellationToken) => Task.FromResult<MailHouseStyle?>(style);
    }
}
