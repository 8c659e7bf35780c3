using NodaTime;

namespace Collab.Registry;

/// <summary>An environment (omgeving): the vendor-side space that holds an office's administrations and users, run by its administrators.</summary>
public sealed class CollabEnvironment : AggregateRoot
{
    private readonly List<UserId> _administrators = [];

    private CollabEnvironment() => Name = string.Empty;

    /// <summary>The environment's id.</summary>
    public EnvironmentId Id { get; private set; }

    /// <summary>Its name.</summary>
    public string Name { get; private set; }

    /// <summary>The office the environment belongs to.</summary>
    public OfficeId OfficeId { get; private set; }

    /// <summary>The office users who administer it (they consent to transfers, XFER-2).</summary>
    public IReadOnlyList<UserId> Administrators => _administrators;

    /// <summary>Whether a user administers this environment.</summary>
    /// <param name="user">The user.</param>
    /// <returns>True for an administrator.</returns>
    public bool IsAdministrator(UserId user) => _administrators.Contains(user);

    internal static CollabEnvironment Create(OfficeId office, string name, IReadOnlyCollection<CollabUser> administrators, Actor actor, Instant now)
    {
        if (administrators.Count == 0)
        {
            throw CollabRefusals.EnvironmentNoAdministrator();
        }

        var environment = new CollabEnvironment { Id = EnvironmentId.New(), Name = Guard.Name(name, "environment name"), OfficeId = office };
        foreach (var user in administrators)
        {
            if (user.Kind != UserKind.OfficeUser || user.OfficeId != office)
            {
                throw CollabRefusals.EnvironmentAdministratorNotOfOffice(user.Email);
            }

            if (!environment._administrators.Contains(user.Id))
            {
                environment._administrators.Add(user.Id);
            }
        }

        environment.Raise(new RegistryChanged(now, actor, AuditAction.EnvironmentCreated, AuditSubject.Environment(environment.Id),
            $"office={office};administrators={string.Join(',', environment._administrators)}"));
        return environment;
    }
}
