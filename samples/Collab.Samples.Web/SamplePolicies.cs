using Collab.Authorization;

namespace Collab.Samples.Web;

/// <summary>
/// A vendor rule on top of Collab's (SEC-3): only the office's partners change a client's tier. Collab has already
/// checked that the user works for the office and the client; this policy can only refuse. The partners come from
/// configuration (<c>Sample:Partners</c>, e-mail addresses); a real host would ask its own role store.
/// </summary>
internal sealed class OnlyPartnersChangeTiers(IConfiguration configuration) : ICollabAuthorizationPolicy
{
    public ValueTask<Refusal?> CheckAsync(AuthorizationRequest request, CancellationToken cancellationToken)
    {
        if (request.Action != CollabAction.ChangeTier || request.User is not { } user)
        {
            return ValueTask.FromResult<Refusal?>(null);
        }

        var partners = configuration.GetSection("Sample:Partners").Get<string[]>() ?? ["anna@devries.nl"];
        return ValueTask.FromResult(partners.Contains(user.Email, StringComparer.OrdinalIgnoreCase)
            ? null
            : new Refusal(RefusalKind.Forbidden, "sample.partners-only", $"Only a partner of the office changes a client's tier, and {user.Email} is not one: ask a partner."));
    }
}
