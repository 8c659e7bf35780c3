namespace Collab;

// Strongly typed ids: a ClientId can never be passed where an OfficeId is meant.
// Version-7 GUIDs are time-ordered, which keeps database indexes compact.

/// <summary>Identifies an office (administratiekantoor): the accountant's firm.</summary>
/// <param name="Value">The underlying GUID. <see cref="Guid.Empty"/> is never a valid id.</param>
public readonly record struct OfficeId(Guid Value)
{
    /// <summary>Creates a new, unique id.</summary>
    /// <returns>A fresh id.</returns>
    public static OfficeId New() => new(Guid.CreateVersion7());

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}

/// <summary>Identifies a client (klant): a business served by an office, possibly with several companies.</summary>
/// <param name="Value">The underlying GUID. <see cref="Guid.Empty"/> is never a valid id.</param>
public readonly record struct ClientId(Guid Value) : IComparable<ClientId>
{
    /// <summary>Creates a new, unique id.</summary>
    /// <returns>A fresh id.</returns>
    public static ClientId New() => new(Guid.CreateVersion7());

    /// <inheritdoc />
    public int CompareTo(ClientId other) => Value.CompareTo(other.Value);

    /// <summary>Whether <paramref name="left"/> orders before <paramref name="right"/> (the office overview pages by id, SHARE-17).</summary>
    /// <param name="left">One id.</param>
    /// <param name="right">The other.</param>
    /// <returns>True when left orders first.</returns>
    public static bool operator <(ClientId left, ClientId right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> orders after <paramref name="right"/>.</summary>
    /// <param name="left">One id.</param>
    /// <param name="right">The other.</param>
    /// <returns>True when left orders last.</returns>
    public static bool operator >(ClientId left, ClientId right) => left.CompareTo(right) > 0;

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}

/// <summary>Identifies a company (onderneming) of a client.</summary>
/// <param name="Value">The underlying GUID. <see cref="Guid.Empty"/> is never a valid id.</param>
public readonly record struct CompanyId(Guid Value)
{
    /// <summary>Creates a new, unique id.</summary>
    /// <returns>A fresh id.</returns>
    public static CompanyId New() => new(Guid.CreateVersion7());

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}

/// <summary>Identifies an administration (administratie): one set of books.</summary>
/// <remarks>This is the storage identity. The number people see is <see cref="AdministrationNumber"/>.</remarks>
/// <param name="Value">The underlying GUID. <see cref="Guid.Empty"/> is never a valid id.</param>
public readonly record struct AdministrationId(Guid Value)
{
    /// <summary>Creates a new, unique id.</summary>
    /// <returns>A fresh id.</returns>
    public static AdministrationId New() => new(Guid.CreateVersion7());

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}

/// <summary>Identifies a user: an office employee or a client user.</summary>
/// <param name="Value">The underlying GUID. <see cref="Guid.Empty"/> is never a valid id.</param>
public readonly record struct UserId(Guid Value)
{
    /// <summary>Creates a new, unique id.</summary>
    /// <returns>A fresh id.</returns>
    public static UserId New() => new(Guid.CreateVersion7());

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}

/// <summary>Identifies a grant of rights by a client to an office for one administration.</summary>
/// <param name="Value">The underlying GUID. <see cref="Guid.Empty"/> is never a valid id.</param>
public readonly record struct RightsGrantId(Guid Value)
{
    /// <summary>Creates a new, unique id.</summary>
    /// <returns>A fresh id.</returns>
    public static RightsGrantId New() => new(Guid.CreateVersion7());

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}

/// <summary>Identifies an environment (omgeving): the vendor-side space holding an office's administrations and users.</summary>
/// <param name="Value">The underlying GUID. <see cref="Guid.Empty"/> is never a valid id.</param>
public readonly record struct EnvironmentId(Guid Value)
{
    /// <summary>Creates a new, unique id.</summary>
    /// <returns>A fresh id.</returns>
    public static EnvironmentId New() => new(Guid.CreateVersion7());

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}

/// <summary>Identifies a request to move a client's administrations between environments (XFER).</summary>
/// <param name="Value">The underlying GUID. <see cref="Guid.Empty"/> is never a valid id.</param>
public readonly record struct TransferRequestId(Guid Value)
{
    /// <summary>Creates a new, unique id.</summary>
    /// <returns>A fresh id.</returns>
    public static TransferRequestId New() => new(Guid.CreateVersion7());

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}

/// <summary>Identifies a deliverable — an annual report or a tax return — shared with a client (SHARE-13).</summary>
/// <param name="Value">The underlying GUID. <see cref="Guid.Empty"/> is never a valid id.</param>
/// <remarks>Ids are version-7 GUIDs: they order by creation, which the office overview pages by (SHARE-17).</remarks>
public readonly record struct DeliverableId(Guid Value) : IComparable<DeliverableId>
{
    /// <summary>Creates a new, unique id.</summary>
    /// <returns>A fresh id.</returns>
    public static DeliverableId New() => new(Guid.CreateVersion7());

    /// <inheritdoc />
    public int CompareTo(DeliverableId other) => Value.CompareTo(other.Value);

    /// <summary>Whether <paramref name="left"/> was created before <paramref name="right"/>.</summary>
    /// <param name="left">One id.</param>
    /// <param name="right">The other.</param>
    /// <returns>True when left orders first.</returns>
    public static bool operator <(DeliverableId left, DeliverableId right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> was created after <paramref name="right"/>.</summary>
    /// <param name="left">One id.</param>
    /// <param name="right">The other.</param>
    /// <returns>True when left orders last.</returns>
    public static bool operator >(DeliverableId left, DeliverableId right) => left.CompareTo(right) > 0;

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}

/// <summary>Identifies a backup of an administration (ONB-5, LIC-4).</summary>
/// <param name="Value">The underlying GUID. <see cref="Guid.Empty"/> is never a valid id.</param>
public readonly record struct BackupId(Guid Value)
{
    /// <summary>Creates a new, unique id.</summary>
    /// <returns>A fresh id.</returns>
    public static BackupId New() => new(Guid.CreateVersion7());

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}

/// <summary>Identifies an integration link between an external app's administration and a bookkeeping administration (LINK-1).</summary>
/// <param name="Value">The underlying GUID. <see cref="Guid.Empty"/> is never a valid id.</param>
public readonly record struct LinkId(Guid Value)
{
    /// <summary>Creates a new, unique id.</summary>
    /// <returns>A fresh id.</returns>
    public static LinkId New() => new(Guid.CreateVersion7());

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}

/// <summary>Identifies a document exchanged through the client portal (SHARE-7).</summary>
/// <param name="Value">The underlying GUID. <see cref="Guid.Empty"/> is never a valid id.</param>
public readonly record struct DocumentId(Guid Value)
{
    /// <summary>Creates a new, unique id.</summary>
    /// <returns>A fresh id.</returns>
    public static DocumentId New() => new(Guid.CreateVersion7());

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}

/// <summary>Identifies a batch of questions sent to a client (SHARE-8).</summary>
/// <param name="Value">The underlying GUID. <see cref="Guid.Empty"/> is never a valid id.</param>
public readonly record struct QuestionBatchId(Guid Value)
{
    /// <summary>Creates a new, unique id.</summary>
    /// <returns>A fresh id.</returns>
    public static QuestionBatchId New() => new(Guid.CreateVersion7());

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}

/// <summary>Identifies a prepare-by-client questionnaire template (SHARE-9).</summary>
/// <param name="Value">The underlying GUID. <see cref="Guid.Empty"/> is never a valid id.</param>
public readonly record struct QuestionnaireTemplateId(Guid Value)
{
    /// <summary>Creates a new, unique id.</summary>
    /// <returns>A fresh id.</returns>
    public static QuestionnaireTemplateId New() => new(Guid.CreateVersion7());

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}

/// <summary>Identifies a questionnaire sent to one client: a frozen version of a template (SHARE-9).</summary>
/// <param name="Value">The underlying GUID. <see cref="Guid.Empty"/> is never a valid id.</param>
public readonly record struct QuestionnaireId(Guid Value)
{
    /// <summary>Creates a new, unique id.</summary>
    /// <returns>A fresh id.</returns>
    public static QuestionnaireId New() => new(Guid.CreateVersion7());

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}
