using NodaTime;

namespace Collab.Transfers;

/// <summary>The three consents of XFER-2 read from their instants: one rule for the request and for its view.</summary>
internal static class TransferConsents
{
    internal static int Count(Instant? oldAdministrator, Instant? client, Instant? newAdministrator) =>
        (oldAdministrator is null ? 0 : 1) + (client is null ? 0 : 1) + (newAdministrator is null ? 0 : 1);

    internal static bool Given(TransferParty party, Instant? oldAdministrator, Instant? client, Instant? newAdministrator) => party switch
    {
        TransferParty.OldEnvironmentAdministrator => oldAdministrator is not null,
        TransferParty.Client => client is not null,
        TransferParty.NewEnvironmentAdministrator => newAdministrator is not null,
        _ => false,
    };
}
