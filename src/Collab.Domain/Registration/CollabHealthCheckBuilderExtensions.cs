using Collab.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Collab;

/// <summary>
/// Registers Collab's health checks: <c>collab-schema</c> (unhealthy when the database's schema is not the one this
/// Collab needs), <c>collab-outbox</c> (degraded on a backlog or an old pending notification, unhealthy with dead
/// letters), and <c>collab-passes</c> (degraded when a background pass is late against its interval). Each puts its
/// numbers in the result's data. Tagged <c>collab</c>; the schema check also <c>ready</c>.
/// </summary>
public static class CollabHealthCheckBuilderExtensions
{
    /// <summary>Adds Collab's three health checks.</summary>
    /// <param name="builder">From <c>services.AddHealthChecks()</c>.</param>
    /// <param name="configure">Thresholds; null for the defaults.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddCollabHealthChecks(this IHealthChecksBuilder builder, Action<CollabHealthCheckOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<CollabHealthCheckOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<CollabHealthCheckOptions>().Validate(o => o.OutboxBacklog >= 0 && o.OutboxOldest > TimeSpan.Zero,
            "Collab health checks: OutboxBacklog must be 0 or more and OutboxOldest above zero.").ValidateOnStart();
        return builder
            .AddCheck<SchemaHealthCheck>("collab-schema", tags: ["collab", "ready"])
            .AddCheck<OutboxHealthCheck>("collab-outbox", tags: ["collab"])
            .AddCheck<PassesHealthCheck>("collab-passes", tags: ["collab"]);
    }
}

