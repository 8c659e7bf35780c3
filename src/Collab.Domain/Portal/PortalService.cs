using Collab.Authorization;
using Collab.Registry;
using Collab.Tiers;
using NodaTime;

namespace Collab.Portal;

/// <summary>
/// The client portal as client users and the sign-in page see it (SHARE-6, SHARE-10, TIER-8): one history across every
/// company the user may reach, and the office's house style when the client's tier includes it (SHARE-11); nothing of a
/// company the user may not reach is ever returned (SEC-1). Documents are <see cref="PortalDocuments"/>; the office edits its
/// style through <see cref="HouseStyles"/>. Resolved from dependency injection.
/// </summary>
/// <param name="access">Checks who acts (SEC-3).</param>
/// <param name="items">Reads portal entries.</param>
/// <param name="styles">Reads house styles.</param>
/// <param name="gate">Reads the client's tier now (SHARE-11).</param>
public sealed class PortalService(CollabAuthorization access, IPortalItemStore items, IHouseStyleStore styles, FeatureGate gate)
{
    private readonly CollabAuthorization _access = access;
    private readonly IPortalItemStore _items = items;
    private readonly IHouseStyleStore _styles = styles;
    private readonly FeatureGate _gate = gate;

    // Which tiers include the portal is catalogue data, fixed for the catalogue's life.
    private readonly ClientTier[] _portalTiers = Enum.GetValues<ClientTier>().Where(t => gate.Catalogue.Allows(t, Feature.PermanentPortal)).ToArray();

    /// <summary>
    /// A page of the client user's permanent history (SHARE-6): annual reports, documents, question batches and
    /// questionnaires of every company the user may reach (TIER-8), from offices whose tier for the client includes
    /// the permanent portal, newest first.
    /// </summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). The client user.</param>
    /// <param name="after">The previous page's <see cref="PortalPage.Next"/>; null for the first page.</param>
    /// <param name="pageSize">1 to 200 entries.</param>
    /// <param name="openOnly">Only what waits for the client (its open actions).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page.</returns>
    /// <exception cref="CollabRefusalException">Unknown, inactive or not a client user; page size out of range.</exception>
    public async Task<PortalPage> HistoryAsync(ActingParty party, PortalCursor? after = null, int pageSize = 50, bool openOnly = false, CancellationToken cancellationToken = default)
    {
        if (pageSize is < 1 or > 200)
        {
            throw CollabRefusals.PortalPageSize(pageSize);
        }

        var acting = await _access.AuthorizeAsync(party, CollabAction.ReadPortal, new AuditSubject("portal", "own"), cancellationToken).ConfigureAwait(false);
        var user = acting.IsClientUser ? acting.User : throw CollabAuthorization.Refused(new AuditSubject("portal", "own")); // the portal is the client users'
        if (_portalTiers.Length == 0 || user.Companies.Count == 0
            || (user.HomeOfficeId is { } home && !await _access.ReachesAsync(acting, CollabAction.ReadPortal, new Tiers.WorkFor(home, user.ClientId!.Value), cancellationToken).ConfigureAwait(false))) // SEC-5
        {
            return new PortalPage([], null);
        }

        var items = await _items.PortalHistoryAsync(user.ClientId!.Value, user.Companies, _portalTiers, after, pageSize + 1, openOnly, user.HomeOfficeId, cancellationToken).ConfigureAwait(false);
        return items.Count > pageSize
            ? new PortalPage(items.Take(pageSize).Select(PortalItemView.Of).ToList(), new PortalCursor(items[pageSize - 1].SharedAt, items[pageSize - 1].Id))
            : new PortalPage(items.Select(PortalItemView.Of).ToList(), null);
    }

    /// <summary>The house style a client sees from an office: the office's own when the client's tier includes it (TIER-2), otherwise none.</summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="office">The office.</param>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The office's branding as a client sees it (no reminder templates), or null for the vendor's default look.</returns>
    public async Task<PortalBranding?> HouseStyleForClientAsync(ActingParty party, OfficeId office, ClientId client, CancellationToken cancellationToken = default)
    {
        await _access.AuthorizeAsync(party, CollabAction.ReadPortal, new ClientTarget(client, office), cancellationToken).ConfigureAwait(false);
        return await _gate.AllowsAsync(office, client, Feature.HouseStyle, cancellationToken).ConfigureAwait(false) && await _styles.FindHouseStyleAsync(office, cancellationToken).ConfigureAwait(false) is { } style
            ? PortalBranding.Of(style)
            : null;
    }

    /// <summary>Finds an office's house style by its portal address.</summary>
    /// <param name="slug">The slug.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The office's public branding for its sign-in page (no reminder templates), or null.</returns>
    public async Task<PortalBranding?> FindBySlugAsync(string slug, CancellationToken cancellationToken = default) =>
        await _styles.FindHouseStyleBySlugAsync(slug, cancellationToken).ConfigureAwait(false) is { } style ? PortalBranding.Of(style) : null;
}
