namespace Collab.Lifecycle;

/// <summary>Online plans, the collaboration lifecycle and retention (ONB, RET), bound under <c>Collab:Lifecycle</c>.</summary>
public sealed class LifecycleOptions
{
    /// <summary>
    /// The vendor's online plans from smallest to largest (ONB-1). Default inStap, inKaart, inZicht, inControle.
    /// Setting it replaces the list whole. Names are compared without regard to case.
    /// </summary>
    public IList<string> Plans { get; set; } = ["inStap", "inKaart", "inZicht", "inControle"];

    /// <summary>The plans on which a client may grant an office rights (ONB-3). Default: all of <see cref="Plans"/> (inStap..inZicht, or inControle).</summary>
    public IList<string>? RightsEligiblePlans { get; set; }

    /// <summary>The smallest plan that may link an external app (LINK-2). Default inKaart.</summary>
    public string LinkMinimumPlan { get; set; } = "inKaart";

    /// <summary>How many calendar months are free after registration (ONB-1). Default 1; 0 to 12.</summary>
    public int FreeMonths { get; set; } = 1;

    /// <summary>How many calendar days after cancellation the online administration is deleted (ONB-6). Default 90; 30 to 3650.</summary>
    public int DeletionDelayDays { get; set; } = 90;

    /// <summary>How many days before the deletion date client and office are warned (RET-2). Default 30 and 7; each 1 to the delay.</summary>
    public IList<int> DeletionWarningDays { get; set; } = [30, 7];

    /// <summary>Years books are kept after the end of their financial year (art. 52 AWR; RET-2). Default 7.</summary>
    public int RetentionYears { get; set; } = 7;

    /// <summary>Years books with data about immovable property are kept (RET-2). Default 10.</summary>
    public int ImmovablePropertyRetentionYears { get; set; } = 10;

    /// <summary>
    /// Years audit rows are kept after the end of the calendar year they were written in (AUD-1, AUD-2, RET-2); older rows
    /// are deleted from the start of their chain by the retention pass, under a signed checkpoint. Default 10: the rows
    /// prove who agreed to which books, so they are kept as long as the longest statutory period of RET-2. 1 to 30.
    /// </summary>
    public int AuditRetentionYears { get; set; } = 10;

    internal static IEnumerable<string> Validate(LifecycleOptions o, string path)
    {
        if (o.Plans is null || o.Plans.Count == 0 || o.Plans.Any(string.IsNullOrWhiteSpace))
        {
            yield return $"{path}:Plans is empty or has an empty name: list the plans from smallest to largest, such as inStap, inKaart, inZicht, inControle.";
            yield break;
        }

        if (o.Plans.Distinct(StringComparer.OrdinalIgnoreCase).Count() != o.Plans.Count)
        {
            yield return $"{path}:Plans names a plan twice: each plan appears once, smallest first.";
        }

        foreach (var plan in (o.RightsEligiblePlans ?? []).Append(o.LinkMinimumPlan).Where(p => !o.Plans.Contains(p, StringComparer.OrdinalIgnoreCase)))
        {
            yield return $"{path}: plan '{plan}' is not in Plans ({string.Join(", ", o.Plans)}): use one of those names.";
        }

        if (o.FreeMonths is < 0 or > 12)
        {
            yield return $"{path}:FreeMonths is {o.FreeMonths}: use 0 to 12 calendar months.";
        }

        if (o.DeletionDelayDays is < 30 or > 3650)
        {
            yield return $"{path}:DeletionDelayDays is {o.DeletionDelayDays}: use 30 to 3650 days.";
        }

        if (o.DeletionWarningDays is null || o.DeletionWarningDays.Any(d => d < 1 || d >= o.DeletionDelayDays))
        {
            yield return $"{path}:DeletionWarningDays must each be at least 1 and less than DeletionDelayDays ({o.DeletionDelayDays}).";
        }

        if (o.RetentionYears is < 0 or > 30 || o.ImmovablePropertyRetentionYears is < 0 or > 30)
        {
            yield return $"{path}:RetentionYears and ImmovablePropertyRetentionYears must be 0 to 30 years.";
        }

        if (o.AuditRetentionYears is < 1 or > 30)
        {
            yield return $"{path}:AuditRetentionYears is {o.AuditRetentionYears}: use 1 to 30 years.";
        }
    }
}

/// <summary>The vendor's ordered online plans (ONB-1): which exist, and which is larger.</summary>
/// <remarks>Immutable and thread-safe; registered as a singleton from <see cref="LifecycleOptions.Plans"/>.</remarks>
public sealed class PlanCatalogue
{
    private readonly string[] _plans;
    private readonly HashSet<string> _rightsEligible;

    internal PlanCatalogue(LifecycleOptions options)
    {
        _plans = [.. options.Plans];
        _rightsEligible = new HashSet<string>(options.RightsEligiblePlans ?? options.Plans, StringComparer.OrdinalIgnoreCase);
        LinkMinimum = Normalize(options.LinkMinimumPlan);
    }

    /// <summary>The plans, smallest first.</summary>
    public IReadOnlyList<string> Plans => _plans;

    /// <summary>The smallest plan that may link an external app (LINK-2).</summary>
    public string LinkMinimum { get; }

    /// <summary>The plan's rank: 0 for the smallest.</summary>
    /// <param name="plan">A plan name, any case.</param>
    /// <returns>The rank.</returns>
    /// <exception cref="CollabRefusalException">The plan is not in the catalogue.</exception>
    public int Rank(string plan) =>
        Array.FindIndex(_plans, p => string.Equals(p, plan, StringComparison.OrdinalIgnoreCase)) is var i and >= 0
            ? i
            : throw CollabRefusals.PlanUnknown(plan, string.Join(", ", _plans));

    /// <summary>The catalogue's spelling of a plan name.</summary>
    /// <param name="plan">A plan name, any case.</param>
    /// <returns>The name as listed.</returns>
    /// <exception cref="CollabRefusalException">The plan is not in the catalogue.</exception>
    public string Normalize(string plan) => _plans[Rank(plan)];

    /// <summary>Whether <paramref name="plan"/> is <paramref name="minimum"/> or larger.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="minimum">The minimum.</param>
    /// <returns>True when large enough.</returns>
    public bool IsAtLeast(string plan, string minimum) => Rank(plan) >= Rank(minimum);

    /// <summary>Whether a client on this plan may grant an office rights (ONB-3).</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>True when eligible.</returns>
    public bool MayGrantRights(string plan) => _rightsEligible.Contains(plan);
}
