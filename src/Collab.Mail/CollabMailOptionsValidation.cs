using MimeKit;
using Microsoft.Extensions.Options;

namespace Collab.Mail;

/// <summary>Says which Collab:Mail setting is missing or wrong, before the first message is lost to it.</summary>
internal sealed class CollabMailOptionsValidation : IValidateOptions<CollabMailOptions>
{
    public ValidateOptionsResult Validate(string? name, CollabMailOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            failures.Add("Collab:Mail:Host is missing: set the SMTP server's host name, such as smtp.example.nl.");
        }

        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"Collab:Mail:Port {options.Port} is not a port: use 587 (STARTTLS), 465 (SslOnConnect) or 25.");
        }

        if (string.IsNullOrWhiteSpace(options.FromAddress))
        {
            failures.Add("Collab:Mail:FromAddress is missing: set the address the messages come from, such as noreply@kantoor.nl.");
        }
        else if (!MailboxAddress.TryParse(options.FromAddress, out var from) || from.Domain is not { Length: > 0 })
        {
            failures.Add($"Collab:Mail:FromAddress '{options.FromAddress}' is not an e-mail address.");
        }

        if (!Enum.IsDefined(options.Security))
        {
            failures.Add($"Collab:Mail:Security '{options.Security}' is unknown: use StartTls, SslOnConnect or None.");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            failures.Add("Collab:Mail:Timeout must be positive, such as 00:00:30.");
        }

        if (string.IsNullOrEmpty(options.UserName) != string.IsNullOrEmpty(options.Password))
        {
            failures.Add("Collab:Mail:UserName and Collab:Mail:Password go together: set both, or neither to send without signing in.");
        }

        foreach (var (kind, template) in options.Links)
        {
            if (!template.Contains("{reference}", StringComparison.Ordinal)
                || !Uri.TryCreate(template.Replace("{reference}", "x", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                failures.Add($"Collab:Mail:Links:{kind} must be an http(s) address with {{reference}} where the token goes.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
