using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Collab.Mail.Tests;

/// <summary>
/// Whatever a notification's title and text hold, the received message has no header line break in its subject, no
/// tag in its HTML part but the ones Collab.Mail writes, and the plain part carries the text as written. Sent through a
/// real server on loopback, so the check is on the bytes that arrived.
/// </summary>
public sealed partial class EncodingProperties : IAsyncLifetime
{
    // Markup, attribute breakers, header injection, entities, Unicode (combining, RTL override, astral), controls.
    private static readonly string[] Fragments =
        ["<script>alert(1)</script>", "<", ">", "&", "&amp;", "&#60;", "\"", "'", "`", "</p><img src=x onerror=alert(1)>", "<a href=\"javascript:x\">", "\r\n", "\n", "\r",
         "\r\nBcc: x@evil.example", "\n\n", " ", "\t", "\0", "\u0007", "e\u0301", "\u202E", "\U0001F600", "Jaarrapport", "één", "=?utf-8?q?x?=", "{reference}", "--boundary"];

    private static readonly Gen<string> Texts =
        Gen.Frequency(
            (3, Gen.ListOf(Gen.Elements(Fragments)).Select(parts => string.Concat(parts))),
            (1, ArbMap.Default.GeneratorFor<string>().Where(s => s is not null)));

    private static readonly HashSet<string> OurTags =
        ["!DOCTYPE", "html", "/html", "head", "/head", "meta", "title", "/title", "body", "/body", "p", "/p", "br", "a", "/a"];

    private LoopbackSmtpServer _server = null!;
    private Microsoft.Extensions.DependencyInjection.ServiceProvider _provider = null!;

    public Task InitializeAsync()
    {
        _server = LoopbackSmtpServer.Start();
        _provider = MailTestKit.Services(_server).Provider;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _provider.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Property(MaxTest = 150)]
    public Property No_title_or_text_can_add_a_header_or_a_tag_of_its_own()
    {
        return Prop.ForAll(Arb.From(Gen.Zip(Texts, Texts)), c =>
        {
            var (title, text) = c;
            _server.Received.Clear();
            MailTestKit.SendAsync(_provider, MailTestKit.Notification(text: text.Length == 0 ? "x" : text, title: title.Length == 0 ? null : title)).GetAwaiter().GetResult();
            var mail = Assert.Single(_server.Received);
            var html = mail.Message.HtmlBody ?? string.Empty;
            var tags = Tag().Matches(html).Select(m => m.Groups[1].Value).ToList();
            var subject = mail.Message.Subject ?? string.Empty;
            return subject.IndexOfAny(['\r', '\n']) < 0
                   && tags.All(OurTags.Contains)
                   && tags.Count(t => t == "a") == 1 // only the link's anchor
                   && mail.EnvelopeTo.SequenceEqual(["klant@klant.nl"])
                   && mail.Message.Bcc.Count == 0 && mail.Message.Cc.Count == 0;
        });
    }

    [GeneratedRegex("<([!/]?[A-Za-z]+)", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
