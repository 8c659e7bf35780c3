using NodaTime;

namespace Collab.Registry;

/// <summary>
/// An administration (administratie): one set of books of one company of a client. Its
/// <see cref="Number"/> never changes (LIC-6): there is deliberately no method that changes it.
/// </summary>
public sealed class Administration : AggregateRoot
{
    private Administration() => Name = string.Empty;

    /// <summary>The administration's storage id.</summary>
    public AdministrationId Id { get; private set; }

    /// <summary>The administration number people know it by; fixed for life (LIC-6).</summary>
    public AdministrationNumber Number { get; private set; }

    /// <summary>A readable name, such as the company name and year.</summary>
    public string Name { get; private set; }

    /// <summary>The client whose books these are.</summary>
    public ClientId ClientId { get; private set; }

    /// <summary>The company of that client the books belong to.</summary>
    public CompanyId CompanyId { get; private set; }

    /// <summary>
    /// The office that holds the administration itself (it set it up under its own licence), if any.
    /// That office may access it without a grant (SEC-1).
    /// </summary>
    public OfficeId? HolderOfficeId { get; private set; }

    /// <summary>The environment that holds the administration, if it was placed in one. It changes only by a consented transfer (XFER).</summary>
    public EnvironmentId? EnvironmentId { get; private set; }

    /// <summary>Moves the administration into another environment as part of an executed transfer (XFER-4). Its number stays (LIC-6).</summary>
    internal void MoveTo(EnvironmentId environment, TransferRequestId transfer, Actor actor, Instant now)
    {
        var from = EnvironmentId;
        EnvironmentId = environment;
        Raise(new RegistryChanged(now, actor, AuditAction.AdministrationMoved, AuditSubject.Administration(Id),
            $"from={from?.ToString() ?? "-"};to={environment};transfer={transfer}"));
    }

    internal static Administration Create(Company company, AdministrationNumber number, string name, OfficeId? holder, EnvironmentId? environment, Actor actor, Instant now)
    {
        if (number.Value == 0)
        {
            throw Refuse.InvalidInput("administration.number-required", "The administration number is missing: create it with AdministrationNumber.From(…).");
        }

        var administration = new Administration
        {
            Id = AdministrationId.New(),
            Number = number,
            Name = Guard.Name(name, "administration name"),
            ClientId = company.ClientId,
            CompanyId = company.Id,
            HolderOfficeId = holder,
            EnvironmentId = environment,
        };
        administration.Raise(new RegistryChanged(now, actor, AuditAction.AdministrationCreated, AuditSubject.Administration(administration.Id),
            $"number={number};company={company.Id};holder={holder?.ToString() ?? "-"};environment={environment?.ToString() ?? "-"}"));
        return administration;
    }
}
