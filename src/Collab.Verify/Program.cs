using System.Globalization;
using Collab.Evidence;

namespace Collab.Verify;

/// <summary>The <c>collab-verify</c> command: checks a receipt (SHARE-18) from the command line.</summary>
public static class Program
{
    private const string Usage = """
        collab-verify <receipt.json> --key <public-key.pem> [--key-id <id>] [document ...] [--lang nl|en]

        Controleert een ontvangstbewijs van Collab met de publieke sleutel van de leverancier en, als u ze meegeeft,
        de documenten waarover is beslist. / Checks a Collab receipt with the vendor's public key and, when given,
        the documents decided on. Exit code: 0 geldig/valid, 1 verschil/differs, 2 gebruik/usage.
        """;

    /// <summary>Runs the command.</summary>
    /// <param name="args">The receipt, <c>--key</c> file, optional <c>--key-id</c>, document files and <c>--lang</c>.</param>
    /// <returns>0 valid, 1 something differs, 2 wrong usage or unreadable input.</returns>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the command with its output written to the writers given.</summary>
    /// <param name="args">As for <see cref="Main"/>.</param>
    /// <param name="output">Where the verdict goes.</param>
    /// <param name="error">Where usage errors go.</param>
    /// <returns>As for <see cref="Main"/>.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        string? receipt = null, key = null, keyId = null;
        var language = "nl";
        var documents = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--key" when i + 1 < args.Length: key = args[++i]; break;
                case "--key-id" when i + 1 < args.Length: keyId = args[++i]; break;
                case "--lang" when i + 1 < args.Length: language = args[++i]; break;
                case "-h" or "--help":
                    output.WriteLine(Usage);
                    return 0;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal))
                    {
                        error.WriteLine(Usage);
                        return 2;
                    }

                    if (receipt is null)
                    {
                        receipt = args[i];
                    }
                    else
                    {
                        documents.Add(args[i]);
                    }

                    break;
            }
        }

        var en = string.Equals(language, "en", StringComparison.OrdinalIgnoreCase);
        if (receipt is null || key is null)
        {
            error.WriteLine(Usage);
            return 2;
        }

        foreach (var file in documents.Prepend(key).Prepend(receipt))
        {
            if (!File.Exists(file))
            {
                error.WriteLine(en ? $"File not found: {file}" : $"Bestand niet gevonden: {file}");
                return 2;
            }
        }

        ReceiptVerification result;
        try
        {
            result = ReceiptVerifier.Verify(File.ReadAllBytes(receipt), File.ReadAllText(key),
                documents.Select(d => new ReceiptFile(Path.GetFileName(d), File.ReadAllBytes(d))), keyId);
        }
        catch (ArgumentException e)
        {
            error.WriteLine(en ? $"The public key cannot be read: {e.Message}" : $"De publieke sleutel is niet leesbaar: {e.Message}");
            return 2;
        }

        if (result.IsValid)
        {
            var r = result.Receipt!;
            var what = en ? (r.Decision == "approved" ? "approved" : "rejected") : (r.Decision == "approved" ? "akkoord gegeven" : "afgewezen");
            output.WriteLine(en
                ? $"Valid: {r.DecidedBy.Name} <{r.DecidedBy.Email}> {what} '{r.Deliverable.Title}' (revision {r.Deliverable.Revision.ToString(CultureInfo.InvariantCulture)}) at {r.DecidedAt.Local}; signed with key {r.KeyId}."
                : $"Geldig: {r.DecidedBy.Name} <{r.DecidedBy.Email}> heeft '{r.Deliverable.Title}' (versie {r.Deliverable.Revision.ToString(CultureInfo.InvariantCulture)}) {what} op {r.DecidedAt.Local}; ondertekend met sleutel {r.KeyId}.");
            if (documents.Count == 0 && r.Documents.Count > 0)
            {
                output.WriteLine(en ? "No documents were given: only the signature was checked." : "Er zijn geen documenten meegegeven: alleen de handtekening is gecontroleerd.");
            }

            return 0;
        }

        output.WriteLine(en ? "Not valid:" : "Niet geldig:");
        foreach (var difference in result.Differences)
        {
            output.WriteLine("- " + difference.Describe(en ? "en" : "nl"));
        }

        return 1;
    }
}
