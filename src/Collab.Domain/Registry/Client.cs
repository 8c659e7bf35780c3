using NodaTime;

namespace Collab.Registry;

/// <summary>A client (klant): a business served by offices. It owns its companies and their administrations.</summary>
public sealed class Client : AggregateRoot
{
    private Client() => Name = string.Empty;

    /// <summary>The client's id.</summary>
    public ClientId Id { get; private set; }

    /// <summary>The client's name.</summary>
    public string Name { get; private set; }

    internal static Client Register(string name, Actor actor, Instant now)
    {
        var client = new Client { Id = ClientId.New(), Name = Guard.Name(name, "client name") };
        client.Raise(new RegistryChanged(now, actor, AuditAction.ClientRegistered, AuditSubject.Client(client.Id), $"name={client.Name}"));
        return client;
    }
}

/// <summary>A company (onderneming) of a client. One client may have several (TIER-8).</summary>
public sealed class Company : AggregateRoot
{
    private Company() => Name = string.Empty;

    /// <summary>The company's id.</summary>
    public CompanyId Id { get; private set; }

    /// <summary>The client the company belongs to.</summary>
    public ClientId ClientId { get; private set; }

    /// <summary>The company's name.</summary>
    public string Name { get; private set; }

    internal static Company Add(ClientId client, string name, Actor actor, Instant now)
    {
        var company = new Company { Id = CompanyId.New(), ClientId = client, Name = Guard.Name(name, "company name") };
        company.Raise(new RegistryChanged(now, actor, AuditAction.CompanyAdded, AuditSubject.Client(client), $"company={company.Id};name={company.Name}"));
        return company;
    }
}
