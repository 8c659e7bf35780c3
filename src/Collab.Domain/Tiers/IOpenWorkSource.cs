namespace Collab.Tiers;

/// <summary>
/// Work in progress that depends on a feature, so a downgrade that removes the feature must wait (TIER-4).
/// Collab's own capabilities register sources for their open work; a vendor can add its own.
/// </summary>
public interface IOpenWorkSource
{
    /// <summary>Open work of the given clients at an office.</summary>
    /// <param name="office">The office.</param>
    /// <param name="clients">The clients.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The open work, any order.</returns>
    Task<IReadOnlyList<OpenWork>> FindOpenWorkAsync(OfficeId office, IReadOnlyCollection<ClientId> clients, CancellationToken cancellationToken = default);
}

/// <summary>One piece of open work and the feature it needs.</summary>
/// <param name="Client">Whose work it is.</param>
/// <param name="Feature">The feature it depends on.</param>
/// <param name="Description">What it is, for the refusal (for example "approval of annual report 2025, deadline 2026-06-30").</param>
/// <param name="Text">The description as a text of Collab's catalogue, so a refusal names the work in the reader's language (TXT-1); null to use <paramref name="Description"/> as it is.</param>
public sealed record OpenWork(ClientId Client, Feature Feature, string Description, Texts.TextRef? Text = null);
