namespace Collab;

/// <summary>
/// Who is billed: for a client's online subscription, the office that registered it or the client (ONB-1); for a
/// moved client's user, the new environment's office or the client (XFER-6).
/// </summary>
public enum BillingParty
{
    /// <summary>The office.</summary>
    Office = 1,

    /// <summary>The client itself.</summary>
    Client = 2,
}
