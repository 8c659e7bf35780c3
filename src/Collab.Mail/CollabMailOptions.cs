namespace Collab.Mail;

/// <summary>How the SMTP connection is secured.</summary>
public enum MailSecurity
{
    /// <summary>Upgrade the connection with STARTTLS and refuse to send when the server does not offer it (port 587). The default.</summary>
    StartTls = 0,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect = 1,

    /// <summary>No TLS at all: only for a relay on the same machine or a private network (port 25).</summary>
    None = 2,
}

/// <summary>
/// Where and as whom Collab.Mail sends (the <c>Collab:Mail</c> configuration section by convention). Checked when the
/// first message is sent; a missing host or sender address stops the application with a message naming the setting.
/// </summary>
public sealed class CollabMailOptions
{
    /// <summary>The SMTP server's host name, such as <c>smtp.example.nl</c>. Required.</summary>
    public string Host { get; set; } = string.Empty;

    /// <summary>The server's port: 587 (the default, STARTTLS), 465 (TLS on connect) or 25.</summary>
    public int Port { get; set; } = 587;

    /// <summary>How the connection is secured; <see cref="MailSecurity.StartTls"/> by default.</summary>
    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    /// <summary>The user name to sign in with; null or empty to send without signing in.</summary>
    public string? UserName { get; set; }

    /// <summary>The password for <see cref="UserName"/>. Keep it in a secret store or environment variable, not in a checked-in file.</summary>
    public string? Password { get; set; }

    /// <summary>The sender's address, such as <c>noreply@kantoor.nl</c>. Required.</summary>
    public string FromAddress { get; set; } = string.Empty;

    /// <summary>The sender's display name; null for the address alone.</summary>
    public string? FromName { get; set; }

    /// <summary>How long one command to the server may take before the send fails (and the outbox retries it); 30 seconds by default.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The SHA-256 fingerprint (hex) of a server certificate to trust although no authority signed it, such as an
    /// internal relay's own certificate; null to trust only what the system trusts.
    /// </summary>
    public string? TrustedCertificateSha256 { get; set; }

    /// <summary>
    /// The address of the page that takes a notification's one-time token, per kind, with <c>{reference}</c> where the
    /// token goes; for example <c>DeliverableReady</c> → <c>https://portal.example.nl/link/{reference}</c>. A notification
    /// that carries a token and whose kind has an address here gets a link in both parts; the token is never logged.
    /// </summary>
    public Dictionary<NotificationKind, string> Links { get; } = [];
}
