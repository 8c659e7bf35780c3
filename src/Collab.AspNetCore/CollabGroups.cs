using System.Globalization;
using Collab.Deliverables;
using Collab.Portal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;

namespace Collab.AspNetCore;

/// <summary>What every Collab group shares: the filter (sign-in, antiforgery, problems), its tag, and small parsing helpers.</summary>
internal static class CollabGroups
{
    internal static RouteGroupBuilder Group(IEndpointRouteBuilder endpoints, string prefix, string tag)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        if (endpoints.ServiceProvider.GetService<CollabAspNetCoreMarker>() is null)
        {
            throw new InvalidOperationException("Call services.AddCollabAspNetCore() before mapping Collab's endpoints.");
        }

        var group = endpoints.MapGroup(prefix);
        group.AddEndpointFilter(static (invocation, next) =>
            invocation.HttpContext.RequestServices.GetRequiredService<CollabEndpointFilter>().InvokeAsync(invocation, next));
        group.WithTags(tag);
        // Collab checks antiforgery itself, and only where a cookie is the credential (CollabEndpointFilter); the
        // framework's check would also demand a token from bearer-authenticated API clients.
        group.DisableAntiforgery();
        group.ProducesProblem(StatusCodes.Status400BadRequest);
        return group;
    }

    internal static IResult File(DocumentContent content) =>
        Results.Stream(content.Content, content.Document.ContentType, content.Document.FileName);

    internal static YearMonth Month(string value) =>
        YearMonthPattern.Iso.Parse(value) is { Success: true } parsed
            ? parsed.Value
            : throw new BadHttpRequestException($"'{value}' is not a month: use yyyy-MM.");

    internal static AdministrationNumber Number(int value) => AdministrationNumber.From(value);

    internal static PortalCursor? Cursor(long? afterTicks, Guid? afterId) =>
        afterTicks is { } ticks && afterId is { } id ? new PortalCursor(Instant.FromUnixTimeTicks(ticks), id) : null;

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Registered by <c>AddCollabAspNetCore()</c>, so mapping without it fails at start-up with a clear message.</summary>
internal sealed class CollabAspNetCoreMarker;
