using Collab.Registry;
using Collab.Rights;
using Collab.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using NodaTime.Extensions;

namespace Collab.Tests.Registration;

public sealed class AddCollabTests
{
    [Fact]
    public void Calling_AddCollab_twice_registers_each_service_once()
    {
        var services = new ServiceCollection();
        services.AddCollab();
        services.AddCollab(o => o.DefaultTimeZoneId = "Europe/Brussels");

        Assert.Single(services, d => d.ServiceType == typeof(RightsService));
        Assert.Single(services, d => d.ServiceType == typeof(IClock));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<CollabOptions>));
        using var provider = services.BuildServiceProvider();
        Assert.Equal("Europe/Brussels", provider.GetRequiredService<IOptions<CollabOptions>>().Value.DefaultTimeZoneId);
    }

    // Issue 34: one source of time. Collab's IClock is made from the registered TimeProvider.
    [Fact]
    public void The_clock_reads_the_time_provider_the_vendor_registered()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 31, 12, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddCollab();

        using var provider = services.BuildServiceProvider();
        var clock = provider.GetRequiredService<IClock>();
        Assert.Equal(Instant.FromUtc(2026, 1, 31, 12, 0), clock.GetCurrentInstant());
        time.Advance(TimeSpan.FromDays(3));
        Assert.Equal(Instant.FromUtc(2026, 2, 3, 12, 0), clock.GetCurrentInstant());
    }

    [Fact]
    public void Without_a_vendor_time_provider_the_systems_is_used()
    {
        using var provider = new ServiceCollection().AddCollab().Services.BuildServiceProvider();
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        var before = TimeProvider.System.GetUtcNow().ToInstant();
        var now = provider.GetRequiredService<IClock>().GetCurrentInstant();
        Assert.InRange(now, before, TimeProvider.System.GetUtcNow().ToInstant());
    }

    // Issue 34: a vendor's own IClock would be a second clock next to the TimeProvider; refused, saying what to do.
    [Fact]
    public void A_clock_the_vendor_registered_before_AddCollab_is_refused_naming_the_time_provider()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(new FakeClock(Instant.FromUtc(2026, 1, 31, 12, 0)));

        var refused = Assert.Throws<InvalidOperationException>(() => services.AddCollab());
        Assert.Contains("register a TimeProvider", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clock_the_vendor_registered_after_AddCollab_is_refused_at_start_up()
    {
        var services = new ServiceCollection();
        services.AddCollab();
        services.AddSingleton<IClock>(new FakeClock(Instant.FromUtc(2026, 1, 31, 12, 0)));

        using var provider = services.BuildServiceProvider();
        var refused = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CollabOptions>>().Value);
        Assert.Contains("register a TimeProvider", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clock_the_vendor_put_in_place_of_Collabs_is_refused_at_start_up()
    {
        var services = new ServiceCollection();
        services.AddCollab();
        services.Replace(ServiceDescriptor.Singleton<IClock>(new FakeClock(Instant.FromUtc(2026, 1, 31, 12, 0))));

        using var provider = services.BuildServiceProvider();
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CollabOptions>>().Value);
    }

    [Fact]
    public void Options_bind_from_a_configuration_section()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Collab:DefaultTimeZoneId"] = "America/Curacao" })
            .Build();
        using var provider = new ServiceCollection().AddCollab(configuration.GetSection("Collab")).Services.BuildServiceProvider();

        Assert.Equal("America/Curacao", provider.GetRequiredService<IOptions<CollabOptions>>().Value.DefaultTimeZoneId);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    public void An_unknown_default_time_zone_is_refused_at_start_up_naming_the_setting(string zone)
    {
        using var provider = new ServiceCollection().AddCollab(o => o.DefaultTimeZoneId = zone).Services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CollabOptions>>().Value);
        Assert.Contains("Collab:DefaultTimeZoneId", error.Message, StringComparison.Ordinal);
        Assert.Contains("Europe/Amsterdam", error.Message, StringComparison.Ordinal);
    }

    // R: SHARE-14 — the portal accepts only types whose content Collab checks; a vendor cannot widen the list past them.
    [Fact]
    public void SHARE14_a_portal_content_type_collab_cannot_check_is_refused_at_start_up_naming_the_checked_ones()
    {
        using var provider = new ServiceCollection().AddCollab(o => o.Portal.AllowedContentTypes.Add("application/zip")).Services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CollabOptions>>().Value);
        Assert.Contains("Collab:Portal:AllowedContentTypes lists application/zip", error.Message, StringComparison.Ordinal);
        Assert.Contains("image/png", error.Message, StringComparison.Ordinal);

        using var narrower = new ServiceCollection().AddCollab(o => o.Portal.AllowedContentTypes = ["application/pdf", "Text/CSV"]).Services.BuildServiceProvider();
        Assert.Equal(2, narrower.GetRequiredService<IOptions<CollabOptions>>().Value.Portal.AllowedContentTypes.Count); // a subset is fine
        Assert.Equal(new CollabOptions().Portal.AllowedContentTypes, global::Collab.Portal.PortalOptions.CheckedContentTypes);
    }

    [Fact]
    public void Validation_runs_on_start_so_a_host_fails_fast()
    {
        var services = new ServiceCollection().AddCollab(o => o.DefaultTimeZoneId = "nowhere").Services;
        Assert.Contains(services, d => d.ServiceType.Name == "IStartupValidator");
        _ = typeof(CollabRegistry);
    }
}
