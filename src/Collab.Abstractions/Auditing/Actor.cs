namespace Collab;

/// <summary>Who performed an action.</summary>
public enum ActorKind
{
    /// <summary>An employee of an office.</summary>
    OfficeUser = 1,

    /// <summary>A user of a client.</summary>
    ClientUser = 2,

    /// <summary>The administrator of an environment (XFER).</summary>
    EnvironmentAdministrator = 3,

    /// <summary>Collab itself or the vendor's background jobs (expiry, scheduled deletion).</summary>
    System = 4,

    /// <summary>The vendor's provisioning (registering offices and clients, shaping the directory).</summary>
    Platform = 5,
}

/// <summary>
/// Who performed an action, as recorded in the audit trail (AUD-1). This is the record, not a claim: Collab's
/// services take an <c>ActingParty</c>, check it, and write the actor themselves.
/// </summary>
/// <param name="Kind">What kind of party acted.</param>
/// <param name="Id">The party's id as text (a <see cref="UserId"/> for users, a job name for the system).</param>
public readonly record struct Actor(ActorKind Kind, string Id)
{
    /// <summary>An office employee.</summary>
    /// <param name="user">The employee's user id.</param>
    /// <returns>The actor.</returns>
    public static Actor OfficeUser(UserId user) => new(ActorKind.OfficeUser, user.ToString());

    /// <summary>A client user.</summary>
    /// <param name="user">The client user's id.</param>
    /// <returns>The actor.</returns>
    public static Actor ClientUser(UserId user) => new(ActorKind.ClientUser, user.ToString());

    /// <summary>Collab or one of the vendor's jobs.</summary>
    /// <param name="job">A short name of the job, such as <c>retention-scan</c>.</param>
    /// <returns>The actor.</returns>
    public static Actor System(string job) => new(ActorKind.System, job);

    /// <summary>The vendor's provisioning, named after its operator or job.</summary>
    /// <param name="operatorName">Who provisions, such as <c>onboarding</c>.</param>
    /// <returns>The actor.</returns>
    public static Actor Platform(string operatorName) => new(ActorKind.Platform, operatorName);

    /// <inheritdoc />
    public override string ToString() => $"{Kind}:{Id}";
}
