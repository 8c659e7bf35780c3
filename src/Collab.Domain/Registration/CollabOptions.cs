using Microsoft.Extensions.Options;
using NodaTime;

namespace Collab;

/// <summary>Settings of the Collab SDK, bound with <c>AddCollab(options => …)</c> or from configuration, validated at start-up.</summary>
public sealed class CollabOptions
{
    /// <summary>
    /// The IANA time zone for offices registered without one; local dates, deadlines and retention periods are
    /// computed in the office's zone (RET-1). Default <c>Europe/Amsterdam</c>.
    /// </summary>
    public string DefaultTimeZoneId { get; set; } = "Europe/Amsterdam";

    /// <summary>
    /// The tier catalogue (TIER-2): prices, included users and features per tier. Null (the default) means
    /// the catalogue of DOMAIN.md, <see cref="Tiers.TierCatalogueOptions.CreateDefault"/>. Set it to replace the catalogue whole.
    /// </summary>
    public Tiers.TierCatalogueOptions? Tiers { get; set; }

    /// <summary>
    /// How many calendar days a transfer request stays open for consents (XFER-2): a request made on local day D
    /// in the office's time zone can be consented through day D + this number. Default 30; 1 to 366.
    /// </summary>
    public int TransferValidityDays { get; set; } = 30;

    /// <summary>
    /// How many times the outbox tries to deliver a notification before it gives up and marks it dead-lettered,
    /// visible through <c>IOutboxDispatcher.ListDeadLettersAsync</c>. Default 8; 1 to 100.
    /// </summary>
    public int NotificationMaxAttempts { get; set; } = 8;

    /// <summary>How many calendar days before an approval deadline the client is reminded (SHARE-4). Default 3; 0 to 60.</summary>
    public int ReminderLeadDays { get; set; } = 3;

    /// <summary>How long a one-time report link works if unused (SHARE-1). Default 14 days; 1 to 90.</summary>
    public int LinkValidityDays { get; set; } = 14;

    /// <summary>How long an invitation can be accepted (SEC-7). Default 14 days; 1 to 90.</summary>
    public int InvitationValidityDays { get; set; } = 14;

    /// <summary>
    /// How long the view opened by spending a link may fetch the deliverable's documents, each once (SHARE-14).
    /// Default 30 minutes; 1 to 1440.
    /// </summary>
    public int LinkViewMinutes { get; set; } = 30;

    /// <summary>How often the bookkeeping's changes are polled and sent to linked apps (LINK-6). Default 30 minutes; 1 to 1440.</summary>
    public int LinkPollIntervalMinutes { get; set; } = 30;

    /// <summary>The trusted licence issuers and the largest licence file accepted (LIC-3).</summary>
    public Licences.LicenceOptions Licences { get; } = new();

    /// <summary>The vendor's receipt key, which signs the receipt of every approval and rejection (SHARE-18) and the audit trail's checkpoints (AUD-2).</summary>
    public Evidence.ReceiptOptions Receipts { get; } = new();

    /// <summary>Client portal limits: document size and types, reserved portal addresses (SHARE-7, SHARE-10).</summary>
    public Portal.PortalOptions Portal { get; } = new();

    /// <summary>The online plans, collaboration lifecycle and retention settings (ONB, RET).</summary>
    public Lifecycle.LifecycleOptions Lifecycle { get; } = new();
}

/// <summary>Refuses options that cannot work, at start-up, with a message naming the setting.</summary>
internal sealed class CollabOptionsValidator(IDateTimeZoneProvider zones, IEnumerable<IClock> clocks) : IValidateOptions<CollabOptions>
{
    public ValidateOptionsResult Validate(string? name, CollabOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DefaultTimeZoneId) || zones.GetZoneOrNull(options.DefaultTimeZoneId) is null)
        {
            failures.Add($"Collab:DefaultTimeZoneId '{options.DefaultTimeZoneId}' is not a known IANA time zone: use an id such as Europe/Amsterdam.");
        }

        if (options.TransferValidityDays is < 1 or > 366)
        {
            failures.Add($"Collab:TransferValidityDays is {options.TransferValidityDays}: use a number of days from 1 to 366.");
        }

        if (options.NotificationMaxAttempts is < 1 or > 100)
        {
            failures.Add($"Collab:NotificationMaxAttempts is {options.NotificationMaxAttempts}: use a number of attempts from 1 to 100.");
        }

        if (options.LinkViewMinutes is < 1 or > 1440)
        {
            failures.Add($"Collab:LinkViewMinutes is {options.LinkViewMinutes}: use a number of minutes from 1 to 1440.");
        }

        if (options.ReminderLeadDays is < 0 or > 60)
        {
            failures.Add($"Collab:ReminderLeadDays is {options.ReminderLeadDays}: use a number of days from 0 to 60.");
        }

        if (options.LinkValidityDays is < 1 or > 90)
        {
            failures.Add($"Collab:LinkValidityDays is {options.LinkValidityDays}: use a number of days from 1 to 90.");
        }

        if (options.InvitationValidityDays is < 1 or > 90)
        {
            failures.Add($"Collab:InvitationValidityDays is {options.InvitationValidityDays}: use a number of days from 1 to 90.");
        }

        if (options.LinkPollIntervalMinutes is < 1 or > 1440)
        {
            failures.Add($"Collab:LinkPollIntervalMinutes is {options.LinkPollIntervalMinutes}: use 1 to 1440 minutes.");
        }

        ValidateLicences(options.Licences, failures);
        failures.AddRange(Lifecycle.LifecycleOptions.Validate(options.Lifecycle, "Collab:Lifecycle"));
        failures.AddRange(Portal.PortalOptions.Validate(options.Portal, "Collab:Portal"));

        if (options.Tiers is { } tiers)
        {
            failures.AddRange(Tiers.TierCatalogue.Validate(tiers, "Collab:Tiers"));
        }

        if (!OneClock.IsOnlyOurs(clocks))
        {
            failures.Add(OneClock.Message); // an IClock registered after AddCollab (issue 34: one source of time)
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateLicences(Licences.LicenceOptions licences, List<string> failures)
    {
        if (licences.MaxFileBytes is < 1024 or > 1024 * 1024)
        {
            failures.Add($"Collab:Licences:MaxFileBytes is {licences.MaxFileBytes}: use 1024 to 1048576 bytes.");
        }

        foreach (var key in licences.TrustedKeys)
        {
            if (!Licences.LicenceFormat.IsValidKeyId(key.KeyId))
            {
                failures.Add($"Collab:Licences:TrustedKeys has key id '{key.KeyId}': use 1 to 32 characters of a-z, 0-9 and '-'.");
                continue;
            }

            try
            {
                Licences.LicenceVerifier.ReadPublicKey(key.PublicKey).Dispose();
            }
            catch (ArgumentException e)
            {
                failures.Add($"Collab:Licences:TrustedKeys '{key.KeyId}': {e.Message}");
            }
        }

        foreach (var duplicate in licences.TrustedKeys.GroupBy(k => k.KeyId, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            failures.Add($"Collab:Licences:TrustedKeys names key id '{duplicate.Key}' {duplicate.Count()} times: give each key its own id.");
        }
    }
}
