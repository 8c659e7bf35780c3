using Collab.Authorization;
using Collab.Registry;
using Collab.Tiers;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Collab.Portal;

/// <summary>
/// The office's house style, its own side (SHARE-10): set and read by the office's users whatever its clients' tiers. What a
/// client sees of it is <see cref="PortalService.HouseStyleForClientAsync"/>. Resolved from dependency injection.
/// </summary>
/// <param name="access">Checks who acts (SEC-3).</param>
/// <param name="styles">Reads house styles.</param>
/// <param name="options">Collab's options: the portal's reserved slugs.</param>
/// <param name="unitOfWork">Saves changes.</param>
/// <param name="clock">The clock.</param>
public sealed class HouseStyles(CollabAuthorization access, IHouseStyleStore styles, IOptions<CollabOptions> options, ICollabUnitOfWork unitOfWork, IClock clock)
{
    private readonly CollabAuthorization _access = access;
    private readonly IHouseStyleStore _styles = styles;
    private readonly ICollabUnitOfWork _unitOfWork = unitOfWork;
    private readonly IClock _clock = clock;
    private readonly CollabOptions _options = options.Value;

    /// <summary>Sets the office's house style (SHARE-10). Each field is validated; the slug must be free.</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). Who sets it.</param>
    /// <param name="office">The office.</param>
    /// <param name="request">The style.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The style.</returns>
    /// <exception cref="CollabRefusalException">Unknown office; an invalid field; the slug is taken by another office.</exception>
    public async Task<HouseStyleView> SetHouseStyleAsync(ActingParty party, OfficeId office, HouseStyleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var actor = (await _access.AuthorizeAsync(party, CollabAction.SetHouseStyle, office, cancellationToken).ConfigureAwait(false)).Actor;
        var style = await _styles.FindHouseStyleAsync(office, cancellationToken).ConfigureAwait(false);
        var slug = HouseStyle.CheckSlug(request.Slug, _options.Portal.ReservedSlugs);
        if (await _styles.FindHouseStyleBySlugAsync(slug, cancellationToken).ConfigureAwait(false) is { } owner && owner.OfficeId != office)
        {
            throw CollabRefusals.HouseStyleSlugTaken(slug);
        }

        if (style is null)
        {
            style = HouseStyle.Create(office);
            style.Apply(request, _options.Portal.ReservedSlugs, actor, _clock.GetCurrentInstant());
            _unitOfWork.Add(style);
        }
        else
        {
            style.Apply(request, _options.Portal.ReservedSlugs, actor, _clock.GetCurrentInstant());
        }

        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false); // the unique index settles a race for one slug
        return HouseStyleView.Of(style);
    }

    /// <summary>The office's own house style, for its editor, whatever its clients' tiers (SHARE-10).</summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3). A user of the office.</param>
    /// <param name="office">The office.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The style, or null when the office has none yet.</returns>
    public async Task<HouseStyleView?> HouseStyleForOfficeAsync(ActingParty party, OfficeId office, CancellationToken cancellationToken = default)
    {
        await _access.AuthorizeAsync(party, CollabAction.ReadHouseStyle, office, cancellationToken).ConfigureAwait(false);
        return await _styles.FindHouseStyleAsync(office, cancellationToken).ConfigureAwait(false) is { } style ? HouseStyleView.Of(style) : null;
    }
}
