namespace Collab.Persistence.EfCore;

/// <summary>How Collab's tables are named in the vendor's database.</summary>
public sealed class CollabModelOptions
{
    /// <summary>Prefix of every Collab table name. Default <c>collab_</c>. Letters, digits and underscores only.</summary>
    public string TablePrefix { get; set; } = "collab_";

    /// <summary>Database schema for Collab's tables (PostgreSQL); null for the context's default. Ignored by SQLite.</summary>
    public string? Schema { get; set; }
}
