using Collab.Registry;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Collab.Tests.Domain;

public sealed class ValueTypeTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    [InlineData(AdministrationNumber.MaxValue + 1)]
    public void Administration_numbers_outside_the_range_are_refused(int value)
    {
        var error = Assert.Throws<CollabRefusalException>(() => AdministrationNumber.From(value));
        Assert.Equal(RefusalKind.InvalidInput, error.Kind);
        Assert.Contains("1 to 999999999", error.Message, StringComparison.Ordinal);
    }

    [Property]
    public Property Administration_numbers_in_range_keep_their_value() =>
        Prop.ForAll(Arb.From(Gen.Choose(1, AdministrationNumber.MaxValue)), n => AdministrationNumber.From(n).Value == n);

    // R: SEC-2
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("no-at-sign")]
    [InlineData("@example.nl")]
    [InlineData("piet@")]
    [InlineData("piet@@bakker.nl")]
    [InlineData("piet bakker@bakker.nl")]
    public void SEC2_malformed_email_addresses_are_refused_before_anything_is_stored(string email)
    {
        var error = Assert.Throws<CollabRefusalException>(() =>
            CollabUser.CreateOfficeUser(OfficeId.New(), email, Actor.System("test"), Instant.FromUtc(2026, 1, 1, 0, 0)));
        Assert.Equal("email.invalid", error.Code);
    }

    [Fact]
    public void Email_addresses_are_stored_trimmed_and_lower_case()
    {
        var user = CollabUser.CreateOfficeUser(OfficeId.New(), "  Anna@DeVries.NL ", Actor.System("test"), Instant.FromUtc(2026, 1, 1, 0, 0));
        Assert.Equal("anna@devries.nl", user.Email);
    }

    [Fact]
    public void Names_are_required_and_bounded()
    {
        var now = Instant.FromUtc(2026, 1, 1, 0, 0);
        Assert.Equal("client-name.required", Assert.Throws<CollabRefusalException>(() => Client.Register(" ", Actor.System("t"), now)).Code);
        Assert.Equal("client-name.too-long", Assert.Throws<CollabRefusalException>(() => Client.Register(new string('x', 201), Actor.System("t"), now)).Code);
        Assert.Equal("Bakker", Client.Register(" Bakker ", Actor.System("t"), now).Name);
    }

    [Fact]
    public void Refusal_codes_are_identifiers_without_spaces_and_lifecycle_refusals_name_their_rule()
    {
        var now = Instant.FromUtc(2026, 1, 1, 0, 0);
        var name = Assert.Throws<CollabRefusalException>(() => Client.Register(" ", Actor.System("t"), now));
        Assert.Matches("^[a-z0-9.-]+$", name.Code);

        // A trigger the link's setup machine does not handle in its state: the code is an identifier, the rule is named.
        var machine = Collab.Links.IntegrationLink.Machine;
        var refused = Assert.Throws<CollabRefusalException>(() => machine.Fire(Collab.Links.LinkStep.Removed, Collab.Links.LinkTrigger.Confirm, default));
        Assert.Matches("^[a-z0-9.-]+$", refused.Code);
        Assert.StartsWith("integration-link.", refused.Code, StringComparison.Ordinal);
        Assert.Equal("LINK-3", refused.Refusal.RuleId);
    }

    [Fact]
    public void Every_change_to_an_aggregate_bumps_its_version_and_raises_an_audited_event()
    {
        var client = Client.Register("Bakker", Actor.System("t"), Instant.FromUtc(2026, 1, 1, 0, 0));
        Assert.Equal(1, client.Version);
        var audited = Assert.IsAssignableFrom<IAuditedEvent>(Assert.Single(client.DomainEvents));
        Assert.Equal(AuditAction.ClientRegistered, audited.Action);
        Assert.Equal(AuditSubject.Client(client.Id), audited.Subject);
    }

    [Fact]
    public void A_refusal_exception_carries_its_refusal()
    {
        var refusal = new Refusal(RefusalKind.Forbidden, "x.y", "No: do this instead.", "SEC-1");
        var error = new CollabRefusalException(refusal);
        Assert.Same(refusal, error.Refusal);
        Assert.Equal("No: do this instead.", error.Message);
        Assert.Throws<ArgumentNullException>(() => new CollabRefusalException(null!));
    }
}
