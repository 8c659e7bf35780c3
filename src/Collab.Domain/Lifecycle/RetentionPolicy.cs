using Collab.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Collab.Lifecycle;

/// <summary>What a retention policy is asked before a due deletion (RET-2).</summary>
/// <param name="Administration">The administration due for deletion.</param>
/// <param name="Books">What its books hold, from the vendor's <see cref="IBookkeepingData"/>.</param>
/// <param name="Today">The local day in the office's zone.</param>
/// <param name="ClientBackupMadeAt">When the latest backup since cancellation was made, if the client took the offered backup.</param>
public sealed record RetentionQuestion(Registry.Administration Administration, BooksSummary Books, LocalDate Today, Instant? ClientBackupMadeAt);

/// <summary>A retention policy's answer.</summary>
/// <param name="MayDelete">Whether the deletion may go ahead.</param>
/// <param name="Reason">Why, in words a person can check later; recorded with the deletion or the block.</param>
public sealed record RetentionDecision(bool MayDelete, string Reason);

/// <summary>
/// The vendor's retention policy (RET-2): Collab never deletes an administration unless it says so. Register
/// your own implementation before <c>AddCollab()</c> to replace <see cref="StatutoryRetentionPolicy"/>.
/// </summary>
public interface IRetentionPolicy
{
    /// <summary>Decides whether a due deletion may go ahead.</summary>
    /// <param name="question">The administration, its books and the day.</param>
    /// <param name="cancellationToken">Cancels the decision.</param>
    /// <returns>The decision.</returns>
    ValueTask<RetentionDecision> DecideAsync(RetentionQuestion question, CancellationToken cancellationToken);
}

/// <summary>
/// The default policy, after art. 52 AWR: books are kept 7 years from the end of the financial year they
/// belong to, 10 for data about immovable property. That duty lies with the client, so once the client holds a
/// full backup made after cancelling, the online copy may go; without one, deletion waits until the period ends.
/// </summary>
public sealed class StatutoryRetentionPolicy : IRetentionPolicy
{
    private readonly LifecycleOptions _options;

    /// <summary>Creates the policy.</summary>
    /// <param name="options">Collab's options, for the retention years.</param>
    public StatutoryRetentionPolicy(IOptions<CollabOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value.Lifecycle;
    }

    /// <inheritdoc />
    public ValueTask<RetentionDecision> DecideAsync(RetentionQuestion question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (question.Books.LastFinancialYearEnd is not { } yearEnd)
        {
            return ValueTask.FromResult(new RetentionDecision(true, "statutory: the books hold no financial year"));
        }

        var years = question.Books.HoldsImmovablePropertyData ? _options.ImmovablePropertyRetentionYears : _options.RetentionYears;
        var keepThrough = yearEnd.PlusYears(years);
        if (question.Today > keepThrough)
        {
            return ValueTask.FromResult(new RetentionDecision(true, $"statutory: the {years}-year period after {yearEnd:yyyy-MM-dd} ended on {keepThrough:yyyy-MM-dd}"));
        }

        return ValueTask.FromResult(question.ClientBackupMadeAt is { } backup
            ? new RetentionDecision(true, $"statutory: the client keeps the books (art. 52 AWR) from the full backup made at {backup}")
            : new RetentionDecision(false,
                $"art. 52 AWR: the books of the year ending {yearEnd:yyyy-MM-dd} must be kept through {keepThrough:yyyy-MM-dd} ({years} years) and the client has no backup: have the client make the offered backup, or keep the administration"));
    }
}
