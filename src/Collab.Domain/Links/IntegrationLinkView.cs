using NodaTime;

namespace Collab.Links;

/// <summary>
/// A link between an external app's administration and a bookkeeping administration as its readers see it (SEC-6): whose it
/// is, what it joins and where its setup and synchronisation stand — never the position where the next read of bookkeeping
/// changes continues (the app's own cursor, LINK-6). Only its maker, or once bound the parties that reach its administration,
/// read it. A copy taken at the read.
/// </summary>
/// <param name="Id">The link's id.</param>
/// <param name="App">The external app's name.</param>
/// <param name="ExternalAdministration">The app's administration.</param>
/// <param name="AdministrationId">The bookkeeping administration, once chosen.</param>
/// <param name="AdministrationNumber">Its number, once chosen.</param>
/// <param name="MadeBy">Who started the setup.</param>
/// <param name="MadeByOffice">The office of the office user who started it; null when a client user started it.</param>
/// <param name="Edition">The bookkeeping's edition, once chosen (LINK-4).</param>
/// <param name="Step">Where the setup stands.</param>
/// <param name="NextPollAt">When bookkeeping changes are next polled; null until synchronisation starts.</param>
/// <param name="LastPolledAt">When the last poll completed.</param>
public sealed record IntegrationLinkView(
    LinkId Id, string App, string ExternalAdministration, AdministrationId? AdministrationId, AdministrationNumber? AdministrationNumber, UserId? MadeBy,
    OfficeId? MadeByOffice, BookkeepingEdition? Edition, LinkStep Step, Instant? NextPollAt, Instant? LastPolledAt)
{
    /// <summary>What outgoing documents become in this link's bookkeeping edition (LINK-4).</summary>
    public OutgoingDocumentKind? DocumentKind => IntegrationLink.DocumentKindOf(Edition);

    internal static IntegrationLinkView Of(IntegrationLink link) => new(
        link.Id, link.App, link.ExternalAdministration, link.AdministrationId, link.AdministrationNumber, link.MadeBy, link.MadeByOffice, link.Edition,
        link.Step, link.NextPollAt, link.LastPolledAt);
}
