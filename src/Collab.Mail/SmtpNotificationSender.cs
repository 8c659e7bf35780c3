using System.Net.Security;
using System.Security.Cryptography;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Collab.Mail;

/// <summary>
/// Sends Collab's notifications as e-mail over SMTP (MailKit): the subject line, the plain text and the same text as
/// HTML, in the recipient's language, with the office's house style when an <see cref="IMailHouseStyleSource"/> gives
/// one. A failed send throws, so Collab's outbox retries the message with back-off and dead-letters it after
/// <c>CollabOptions.NotificationMaxAttempts</c>. Logs name the notification's id and kind only, never its token or text.
/// </summary>
public sealed partial class SmtpNotificationSender : INotificationSender
{
    private readonly CollabMailOptions _options;
    private readonly IMailHouseStyleSource? _styles;
    private readonly ILogger<SmtpNotificationSender> _logger;

    /// <summary>Creates the sender; registered by <c>services.AddCollabMail(…)</c> (<see cref="CollabMailServiceCollectionExtensions"/>).</summary>
    /// <param name="options">Where and as whom to send.</param>
    /// <param name="styles">The house-style sources registered; the last one is asked.</param>
    /// <param name="logger">Where id, kind and outcome of each send are logged; null (no logging registered) for nowhere.</param>
    public SmtpNotificationSender(IOptions<CollabMailOptions> options, IEnumerable<IMailHouseStyleSource> styles, ILogger<SmtpNotificationSender>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(styles);
        _options = options.Value;
        _styles = styles.LastOrDefault();
        _logger = logger ?? NullLogger<SmtpNotificationSender>.Instance;
    }

    /// <inheritdoc />
    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var style = _styles is null ? null : await _styles.FindAsync(notification, cancellationToken).ConfigureAwait(false);
        if (style is not null && !MailComposer.IsUsable(style))
        {
            LogUnusableStyle(notification.Id, notification.Kind);
        }

        if (notification.Reference is { Length: > 0 } && !_options.Links.ContainsKey(notification.Kind))
        {
            LogNoLink(notification.Id, notification.Kind);
        }

        using var message = MailComposer.Compose(notification, _options, style);
        using var client = new SmtpClient { Timeout = (int)Math.Min(int.MaxValue, _options.Timeout.TotalMilliseconds) };
        if (_options.TrustedCertificateSha256 is { Length: > 0 } pinned)
        {
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None
                || (certificate is not null && string.Equals(Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData())), pinned.Replace(":", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
        }

        try
        {
            await client.ConnectAsync(_options.Host, _options.Port, SocketOptions(_options.Security), cancellationToken).ConfigureAwait(false);
            if (_options.UserName is { Length: > 0 } user)
            {
                await client.AuthenticateAsync(user, _options.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
            }

            await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (SmtpCommandException refused) when ((int)refused.StatusCode >= 500)
        {
            // Permanent (5xx): retrying will not help, but the outbox decides; it dead-letters after its attempts.
            LogRefused(notification.Id, notification.Kind, (int)refused.StatusCode, refused.ErrorCode);
            throw;
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            LogFailed(notification.Id, notification.Kind, failure.GetType().Name);
            throw;
        }

        LogSent(notification.Id, notification.Kind);
        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception quit) when (quit is not OperationCanceledException)
        {
            // The server accepted the message: a failed QUIT must not make the outbox send it again.
            LogQuitFailed(notification.Id, notification.Kind, quit.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "Notification {NotificationId} ({Kind}) was accepted; closing the connection failed ({Failure})")]
    private partial void LogQuitFailed(Guid notificationId, NotificationKind kind, string failure);

    private static SecureSocketOptions SocketOptions(MailSecurity security) => security switch
    {
        MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        MailSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Notification {NotificationId} ({Kind}) sent by e-mail")]
    private partial void LogSent(Guid notificationId, NotificationKind kind);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Notification {NotificationId} ({Kind}) was not sent ({Failure}); the outbox retries it")]
    private partial void LogFailed(Guid notificationId, NotificationKind kind, string failure);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Notification {NotificationId} ({Kind}) was refused by the mail server ({StatusCode} {ErrorCode}); the outbox retries it and dead-letters it after its last attempt")]
    private partial void LogRefused(Guid notificationId, NotificationKind kind, int statusCode, SmtpErrorCode errorCode);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Notification {NotificationId} ({Kind}) carries a one-time token but Collab:Mail:Links has no address for its kind: it is sent without a link")]
    private partial void LogNoLink(Guid notificationId, NotificationKind kind);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "The house style for notification {NotificationId} ({Kind}) has a colour that is not #RRGGBB: it is sent in Collab's plain look")]
    private partial void LogUnusableStyle(Guid notificationId, NotificationKind kind);
}
