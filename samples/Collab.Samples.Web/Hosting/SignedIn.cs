using System.Security.Claims;
using Collab.Registry;

namespace Collab.Samples.Web;

/// <summary>
/// Who is signed in, as a Collab party. Pages only pick the office or client the user belongs to; whether the user may
/// see or change a thing is Collab's check (SEC-3), never page code.
/// </summary>
internal sealed record SignedIn(UserView User, ActingParty Party)
{
    internal const string UserClaim = "collab-user";

    /// <summary>Which pages the navigation offers: set at sign-in; what the user may do is still Collab's check.</summary>
    internal const string KindClaim = "collab-kind";

    internal const string OfficeKind = "office";

    /// <summary>A page for the other kind of user: a client user on an office page, or an office user in a portal.</summary>
    internal sealed class NotForYouException(string message) : Exception(message);

    public OfficeId Office => User.OfficeId ?? throw new NotForYouException("This page is for office users. Sign in as one, or go to your own pages.");

    public ClientId Client => User.ClientId ?? throw new NotForYouException("This page is for the client's users. Sign in as one, or go to your own pages.");

    public static async Task<SignedIn> OfAsync(HttpContext context)
    {
        var claim = context.User.FindFirstValue(UserClaim);
        if (!Guid.TryParse(claim, out var guid))
        {
            throw new NotForYouException("Sign in first.");
        }

        var id = new UserId(guid);
        var party = ActingParty.User(id);
        // Collab refuses a user who left (deactivated) as it refuses a stranger: the cookie alone is not enough.
        var user = await context.RequestServices.GetRequiredService<CollabRegistry>().FindUserAsync(party, id, context.RequestAborted)
                   ?? throw new NotForYouException("Sign in first.");
        return new SignedIn(user, party);
    }

    public static async Task<SignedIn> OfficeUserAsync(HttpContext context)
    {
        var me = await OfAsync(context);
        _ = me.Office;
        return me;
    }

    public static async Task<SignedIn> ClientUserAsync(HttpContext context)
    {
        var me = await OfAsync(context);
        _ = me.Client;
        return me;
    }
}
