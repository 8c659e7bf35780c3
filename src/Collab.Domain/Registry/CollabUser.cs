using NodaTime;

namespace Collab.Registry;

/// <summary>Whether a user works for an office or for a client.</summary>
public enum UserKind
{
    /// <summary>An employee of an office; sees what the office may see.</summary>
    OfficeUser = 1,

    /// <summary>A user of a client; sees only the companies it was given (SEC-1).</summary>
    ClientUser = 2,
}

/// <summary>A person who signs in: an office employee or a client user.</summary>
public sealed class CollabUser : AggregateRoot
{
    // Stored as plain GUIDs: EF maps a primitive collection natively on both engines.
    private readonly List<CompanyId> _companies = [];

    private CollabUser() => Email = string.Empty;

    /// <summary>The user's id.</summary>
    public UserId Id { get; private set; }

    /// <summary>Office user or client user.</summary>
    public UserKind Kind { get; private set; }

    /// <summary>The user's e-mail address, lower-case; unique across users.</summary>
    public string Email { get; private set; }

    /// <summary>The office an office user works for; null for client users.</summary>
    public OfficeId? OfficeId { get; private set; }

    /// <summary>The client a client user belongs to; null for office users.</summary>
    public ClientId? ClientId { get; private set; }

    /// <summary>Whether the user may sign in. Deactivated users count for no tier limit (TIER-4).</summary>
    public bool IsActive { get; private set; } = true;

    /// <summary>The language the user reads (<c>nl-NL</c> or <c>en-GB</c>); null for the default, Dutch (TXT-1).</summary>
    public string? Language { get; private set; }

    /// <summary>The companies a client user was given (SEC-1). Empty for office users.</summary>
    public IReadOnlyList<CompanyId> Companies => _companies;

    /// <summary>Whether this client user may reach the given company of its client.</summary>
    /// <param name="company">The company's id.</param>
    /// <returns>True only for a client user that was given the company.</returns>
    public bool MayReach(CompanyId company) => IsActive && Kind == UserKind.ClientUser && _companies.Contains(company);

    /// <summary>Gives a client user one more company of its own client: one login can reach all of them (TIER-8).</summary>
    internal void SetLanguage(string? language, Actor actor, Instant now)
    {
        Language = language is null ? null : Texts.CollabTexts.LanguageFor(language).Name;
        Raise(new RegistryChanged(now, actor, AuditAction.UserLanguageChanged, AuditSubject.User(Id), $"language={Language ?? "default"}"));
    }

    internal void AddCompany(Company company, Actor actor, Instant now)
    {
        if (Kind != UserKind.ClientUser || company.ClientId != ClientId)
        {
            throw Refuse.Denied("user.company-of-other-client", "SEC-1", company.Name);
        }

        if (_companies.Contains(company.Id))
        {
            throw Refuse.Violation("user.company-already-given", "TIER-8", Email, company.Name);
        }

        _companies.Add(company.Id);
        Raise(new RegistryChanged(now, actor, AuditAction.UserCompanyAdded, AuditSubject.User(Id), $"company={company.Id}"));
    }

    /// <summary>Deactivates the user: it can no longer sign in or reach anything, and no longer counts for tier limits.</summary>
    internal void Deactivate(Actor actor, Instant now)
    {
        if (!IsActive)
        {
            throw Refuse.Violation("user.already-inactive", "TIER-4", Email);
        }

        IsActive = false;
        Raise(new RegistryChanged(now, actor, AuditAction.UserDeactivated, AuditSubject.User(Id), $"kind={Kind}"));
    }

    internal static CollabUser CreateOfficeUser(OfficeId office, string email, Actor actor, Instant now)
    {
        var user = new CollabUser { Id = UserId.New(), Kind = UserKind.OfficeUser, Email = Guard.Email(email), OfficeId = office };
        user.Raise(new RegistryChanged(now, actor, AuditAction.UserCreated, AuditSubject.User(user.Id), $"kind=office-user;office={office}"));
        return user;
    }

    internal static CollabUser CreateClientUser(ClientId client, string email, IReadOnlyCollection<Company> companies, Actor actor, Instant now)
    {
        var user = new CollabUser { Id = UserId.New(), Kind = UserKind.ClientUser, Email = Guard.Email(email), ClientId = client };
        foreach (var company in companies)
        {
            if (company.ClientId != client)
            {
                throw Refuse.Denied("user.company-of-other-client", "SEC-1", company.Id);
            }

            if (!user._companies.Contains(company.Id))
            {
                user._companies.Add(company.Id);
            }
        }

        user.Raise(new RegistryChanged(now, actor, AuditAction.UserCreated, AuditSubject.User(user.Id),
            $"kind=client-user;client={client};companies={string.Join(',', user._companies)}"));
        return user;
    }
}
