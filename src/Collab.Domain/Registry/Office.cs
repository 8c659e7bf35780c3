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

    internal static Office Register(string name, DateTimeZone timeZone, Actor actor, Instant now)
    {
        var office = new Office { Id = OfficeId.New(), Name = Guard.Name(name, "office name"), TimeZoneId = timeZone.Id };
        office.Raise(new RegistryChanged(now, actor, AuditAction.OfficeRegistered, AuditSubject.Office(office.Id), $"name={office.Name}"));
        return office;
    }
}
