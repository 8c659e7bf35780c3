namespace Collab.Links;

/// <summary>What is synchronised between an external app and the bookkeeping (LINK-4).</summary>
public enum SyncEntityKind
{
    /// <summary>Customers (klanten); matched on first link (LINK-5).</summary>
    Customer = 1,

    /// <summary>Products (artikelen).</summary>
    Product = 2,

    /// <summary>Product groups (artikelgroepen).</summary>
    ProductGroup = 3,
}

/// <summary>The edition of the bookkeeping the administration lives in; it decides what outgoing documents become (LINK-4).</summary>
public enum BookkeepingEdition
{
    /// <summary>The web edition: outgoing documents become draft sales invoices.</summary>
    Web = 1,

    /// <summary>The desktop edition: outgoing documents become sales orders.</summary>
    Desktop = 2,
}

/// <summary>What an outgoing document from the app becomes in the bookkeeping (LINK-4).</summary>
public enum OutgoingDocumentKind
{
    /// <summary>A draft sales invoice (web edition).</summary>
    DraftSalesInvoice = 1,

    /// <summary>A sales order (desktop edition).</summary>
    SalesOrder = 2,
}

/// <summary>One customer, product or product group as one side knows it.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Id">That side's own id for it.</param>
/// <param name="Version">That side's change counter or timestamp for it; higher is newer.</param>
/// <param name="Name">Its name.</param>
/// <param name="Number">Its number (customer number, article code), if any.</param>
public sealed record SyncRecord(SyncEntityKind Kind, string Id, long Version, string Name, string? Number = null);

/// <summary>Changes in the bookkeeping since a cursor (LINK-6).</summary>
/// <param name="Changes">The changed records, oldest first.</param>
/// <param name="Cursor">Where the next read continues; opaque to Collab.</param>
public sealed record ChangePage(IReadOnlyList<SyncRecord> Changes, string Cursor);

/// <summary>An outgoing document from the app: an order or invoice to enter into the bookkeeping (LINK-4).</summary>
/// <param name="ExternalId">The app's id of the document.</param>
/// <param name="CustomerExternalId">The app's id of the customer.</param>
/// <param name="Date">The document date.</param>
/// <param name="Lines">Product, quantity and unit price (euro) per line.</param>
public sealed record OutgoingDocument(string ExternalId, string CustomerExternalId, NodaTime.LocalDate Date, IReadOnlyList<(string ProductExternalId, decimal Quantity, decimal UnitPrice)> Lines);

/// <summary>Who a call through a link port is for.</summary>
/// <param name="Link">The link.</param>
/// <param name="App">The external app's name.</param>
/// <param name="ExternalAdministration">The app's administration.</param>
/// <param name="Administration">The bookkeeping administration.</param>
/// <param name="Edition">The bookkeeping's edition.</param>
public readonly record struct LinkContext(LinkId Link, string App, string ExternalAdministration, AdministrationNumber Administration, BookkeepingEdition Edition);

/// <summary>
/// The external app's API, implemented by the vendor for each app it links (LINK-3, LINK-6). Calls carry an
/// idempotency key: the same key must never apply a change twice, so Collab can retry any step safely.
/// </summary>
public interface IExternalApp
{
    /// <summary>Signs in to the app's administration (the setup's first step). Throw when sign-in fails.</summary>
    /// <param name="app">The app.</param>
    /// <param name="externalAdministration">The app's administration.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when signed in.</returns>
    Task ConnectAsync(string app, string externalAdministration, CancellationToken cancellationToken);

    /// <summary>Reads every record of a kind from the app (the setup's "read all data" step).</summary>
    /// <param name="link">The link.</param>
    /// <param name="kind">What to read.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records.</returns>
    IAsyncEnumerable<SyncRecord> ReadAllAsync(LinkContext link, SyncEntityKind kind, CancellationToken cancellationToken);

    /// <summary>Applies a bookkeeping change in the app (LINK-6).</summary>
    /// <param name="link">The link.</param>
    /// <param name="record">The bookkeeping's record.</param>
    /// <param name="externalId">The app's id for it, or null when the app does not have it yet.</param>
    /// <param name="idempotencyKey">The same key never applies twice.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The app's id for the record.</returns>
    Task<string> ApplyAsync(LinkContext link, SyncRecord record, string? externalId, string idempotencyKey, CancellationToken cancellationToken);
}

/// <summary>The bookkeeping's side of a link, implemented by the vendor over its own data (LINK-4 … LINK-6). Same idempotency contract as <see cref="IExternalApp"/>.</summary>
public interface IBookkeepingRecords
{
    /// <summary>Every record of a kind in the administration (for matching customers on first link, LINK-5).</summary>
    /// <param name="administration">The administration.</param>
    /// <param name="kind">What to list.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records.</returns>
    Task<IReadOnlyList<SyncRecord>> ListAsync(AdministrationNumber administration, SyncEntityKind kind, CancellationToken cancellationToken);

    /// <summary>Creates or updates a record from the app.</summary>
    /// <param name="administration">The administration.</param>
    /// <param name="record">The app's record.</param>
    /// <param name="bookkeepingId">The bookkeeping's id for it, or null to create it.</param>
    /// <param name="idempotencyKey">The same key never creates twice.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The bookkeeping's id for the record.</returns>
    Task<string> UpsertAsync(AdministrationNumber administration, SyncRecord record, string? bookkeepingId, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>The cursor after the latest change: where polling starts, so nothing before the first read is sent back.</summary>
    /// <param name="administration">The administration.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The cursor.</returns>
    Task<string> CurrentCursorAsync(AdministrationNumber administration, CancellationToken cancellationToken);

    /// <summary>Changes since a cursor, oldest first (LINK-6).</summary>
    /// <param name="administration">The administration.</param>
    /// <param name="cursor">Where the last read ended; null for the start.</param>
    /// <param name="max">At most this many.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The changes and the cursor after them.</returns>
    Task<ChangePage> ChangesSinceAsync(AdministrationNumber administration, string? cursor, int max, CancellationToken cancellationToken);

    /// <summary>Enters an outgoing document (LINK-4).</summary>
    /// <param name="administration">The administration.</param>
    /// <param name="kind">Draft sales invoice or sales order.</param>
    /// <param name="document">The document.</param>
    /// <param name="idempotencyKey">The same key never creates twice.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The bookkeeping's id of the document.</returns>
    Task<string> CreateDocumentAsync(AdministrationNumber administration, OutgoingDocumentKind kind, OutgoingDocument document, string idempotencyKey, CancellationToken cancellationToken);
}
