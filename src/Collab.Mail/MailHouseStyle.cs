namespace Collab.Mail;

/// <summary>
/// An office's look in the HTML part of a message (SHARE-10): its name, colours and logo. Only for recipients whose
/// client tier includes the house style (TIER-2); see <see cref="IMailHouseStyleSource"/>.
/// </summary>
/// <param name="OfficeName">The office's name, shown above the message.</param>
/// <param name="PrimaryColour">Links and the heading bar, as #RRGGBB.</param>
/// <param name="TextColour">Body text, as #RRGGBB.</param>
/// <param name="BackgroundColour">The message's background, as #RRGGBB.</param>
/// <param name="Logo">The logo's bytes, sent inside the message (no remote image); null for none.</param>
/// <param name="LogoContentType">The logo's media type, <c>image/png</c>, <c>image/jpeg</c> or <c>image/gif</c>.</param>
public sealed record MailHouseStyle(string OfficeName, string PrimaryColour, string TextColour, string BackgroundColour, ReadOnlyMemory<byte>? Logo = null, string LogoContentType = "image/png");

/// <summary>
/// Finds the house style for a notification's recipient. Optional: without one every message has Collab's plain look.
/// Collab's notification does not say which office it comes from, so the vendor, who knows its recipients, answers:
/// resolve the office and client from <see cref="Notification.Subject"/> and return a style only when
/// <c>PortalService.HouseStyleForClientAsync</c> returns one (it applies the tier rule, TIER-2).
/// </summary>
public interface IMailHouseStyleSource
{
    /// <summary>The style for this message, or null for Collab's plain look.</summary>
    /// <param name="notification">The message about to be sent.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The style, or null.</returns>
    Task<MailHouseStyle?> FindAsync(Notification notification, CancellationToken cancellationToken);
}
