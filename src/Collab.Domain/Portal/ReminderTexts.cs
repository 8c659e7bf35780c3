using Collab.Registry;
using Collab.Tiers;
using NodaTime;

namespace Collab.Portal;

/// <summary>The text of a deadline reminder: the office's own (SHARE-10) when the client's tier includes the house style, else Collab's.</summary>
internal static class ReminderTexts
{
    internal static async Task<Texts.TextRef> ForAsync(
        ITierStore tiers, TierCatalogue catalogue, IHouseStyleStore styles, IClientStore clients,
        OfficeId office, ClientId client, string title, LocalDate deadline, Texts.TextRef fallback, CancellationToken cancellationToken)
    {
        var tier = await tiers.FindTierAsync(office, client, cancellationToken).ConfigureAwait(false);
        if (tier is { } t && catalogue.Allows(t, Feature.HouseStyle)
            && await styles.FindHouseStyleAsync(office, cancellationToken).ConfigureAwait(false) is { } style
            && await clients.FindClientAsync(client, cancellationToken).ConfigureAwait(false) is { } found
            && style.ReminderText is not null)
        {
            // The office's own words (SHARE-10), in the recipient's language when the office wrote that one too (TXT-1).
            return new Texts.TextRef("notification.office-text", new Texts.PerLanguage(c => style.RenderReminder(found.Name, title, deadline, c)!));
        }

        return fallback;
    }
}
