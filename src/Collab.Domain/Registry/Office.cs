using NodaTime;

namespace Collab.Registry;

/// <summary>An office (administratiekantoor): the accountant's firm, with the time zone its dates are computed in.</summary>
public sealed class Office : AggregateRoot
{
    private Office()
    {
        Name = string.Empty;
        TimeZoneId = string.Empty;
    }

    /// <summary>The office's id.</summary>
    public OfficeId Id { get; private set; }

    /// <summary>The office's name.</summary>
    public string Name { get; private set; }

    /// <summary>The IANA time zone id (for example <c>Europe/Amsterdam</c>) in which the office's local dates and deadlines are computed (RET-1).</summary>
    public string TimeZoneId { get; private set; }

    /// <summary>The language of the office's users unless they chose their own (<c>nl-NL</c> or <c>en-GB</c>); null for Dutch (TXT-1).</summary>
    public string? Language { get; private set; }

    /// <summary>The vendor's products the office has, as the vendor last recorded them (ONB-1, LIC-1).</summary>
    public OfficeModules Modules { get; private set; }

    /// <summary>Whether the office has every module in <paramref name="required"/>.</summary>
    /// <param name="required">The modules needed.</param>
    /// <returns>True when all are present.</returns>
    public bool Has(OfficeModules required) => (Modules & required) == required;

    internal void SetModules(OfficeModules modules, Actor actor, Instant now)
    {
        if (modules == Modules)
        {
            return;
        }

        var from = Modules;
        Modules = modules;
        Raise(new RegistryChanged(now, actor, AuditAction.OfficeModulesChanged, AuditSubject.Office(Id), $"from={from};to={modules}"));
    }

    internal static Office Register(string name, DateTimeZone timeZone, Actor actor, Instant now)
    {
        var office = new Office { Id = OfficeId.New(), Name = Guard.Name(name, "office name"), TimeZoneId = timeZone.Id };
        office.Raise(new RegistryChanged(now, actor, AuditAction.OfficeRegistered, AuditSubject.Office(office.Id), $"name={office.Name}"));
        return office;
    }

    internal void SetLanguage(string? language, Actor actor, Instant now)
    {
        Language = language is null ? null : Texts.CollabTexts.LanguageFor(language).Name;
        Raise(new RegistryChanged(now, actor, AuditAction.UserLanguageChanged, AuditSubject.Office(Id), $"language={Language ?? "default"}"));
    }
}

/// <summary>The vendor's products an office can have that Collab's rules depend on.</summary>
[Flags]
public enum OfficeModules
{
    /// <summary>None of them.</summary>
    None = 0,

    /// <summary>The accountant package: needed to register new clients for online collaboration (ONB-1).</summary>
    AccountantPackage = 1,

    /// <summary>The E-Accountancy module: needed to set up client administrations under the office's licence (LIC-1).</summary>
    EAccountancy = 2,

    /// <summary>The vendor activated integration links for the office's accountant subscription (LINK-2).</summary>
    LinksActivated = 4,
}
